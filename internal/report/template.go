package report

// pageTemplate is the class report. Every value goes through html/template,
// which escapes it for where it stands (text, attribute, SVG).
const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class report{{with .Title}}: {{.}}{{end}}</title>
<style>
  :root { --ink: #1d1b18; --soft: #4f4a43; --line: #c9c1b3; --paper: #fdfbf6; --band: #f1ece2; --seal: #8b1e1e; --hist: #1b5e3b; }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--paper); color: var(--ink); font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
  main { max-width: 1040px; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
  h1 { font-size: 2.1rem; line-height: 1.2; margin: 0.2rem 0 0.3rem; }
  h2 { font-size: 1.55rem; margin: 2.6rem 0 0.6rem; padding-bottom: 0.3rem; border-bottom: 3px double var(--line); color: var(--seal); }
  h3 { font-size: 1.3rem; margin: 2.2rem 0 0.5rem; }
  h4 { font-size: 1.08rem; margin: 1.7rem 0 0.3rem; }
  .kicker { text-transform: uppercase; letter-spacing: 0.12em; font-size: 0.85rem; font-weight: 700; color: var(--seal); margin: 0; }
  .lead { color: var(--soft); margin: 0 0 1rem; }
  .notice { border-left: 5px solid var(--seal); background: var(--band); padding: 0.6rem 0.9rem; margin: 1rem 0; }
  .notice p { margin: 0.2rem 0; }
  nav ul { display: flex; flex-wrap: wrap; gap: 0.2rem 1.4rem; list-style: none; padding: 0; margin: 0.4rem 0 0; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
  caption { text-align: left; font-weight: 600; padding: 0.2rem 0 0.4rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.55rem; border-bottom: 1px solid var(--line); }
  thead th { background: var(--band); border-bottom: 2px solid var(--soft); }
  tbody th { font-weight: 600; }
  .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  td.bar { width: 30%; padding-top: 0.55rem; }
  tr.hist > * { background: #e6f2ea; }
  .badge { display: inline-block; font-size: 0.78rem; font-weight: 700; letter-spacing: 0.03em; color: #fff; background: var(--hist); border-radius: 3px; padding: 0 0.4rem; margin-left: 0.35rem; white-space: nowrap; }
  .same { color: var(--hist); font-weight: 600; }
  .who { color: var(--soft); font-size: 0.88rem; font-weight: normal; }
  table.replies tbody th { font-weight: normal; }
  .highlight { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin: 0.6rem 0 1rem; }
  .highlight div { background: var(--band); padding: 0.6rem 0.9rem; border-radius: 4px; }
  .highlight p { margin: 0.1rem 0; }
  figure { margin: 0.6rem 0 1.2rem; }
  figcaption { color: var(--soft); font-size: 0.95rem; margin-top: 0.3rem; }
  svg { display: block; max-width: 100%; height: auto; }
  svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 14px; fill: #1d1b18; }
  svg .axis text { fill: #4f4a43; font-size: 13px; }
  .legend { list-style: none; padding: 0; margin: 0.3rem 0 0.6rem; display: flex; flex-wrap: wrap; gap: 0.3rem 1.4rem; font-size: 0.92rem; }
  .legend svg { display: inline-block; vertical-align: middle; margin-right: 0.4rem; }
  details { margin: 0.3rem 0 1rem; }
  summary { cursor: pointer; color: var(--seal); font-weight: 600; }
  summary:focus-visible, a:focus-visible { outline: 3px solid #1f4e9c; outline-offset: 2px; }
  a { color: #1f4e9c; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  footer { margin-top: 3rem; color: var(--soft); font-size: 0.88rem; border-top: 1px solid var(--line); padding-top: 0.6rem; }
  @media (max-width: 700px) { .highlight { grid-template-columns: 1fr; } td.bar { display: none; } }
  @media print { body { font-size: 11pt; background: #fff; } main { max-width: none; } h2 { break-before: page; } .student { break-inside: avoid-page; } }
</style>
</head>
<body>
<main>
<header>
<p class="kicker">Class report</p>
<h1>{{if .Title}}{{.Title}}{{else}}No transcripts{{end}}</h1>
<p class="lead">{{plural .Total "transcript"}}{{if .Groups}}{{with (index .Groups 0).Span}}, {{.}}{{end}}{{end}}.{{with .Generated}} Report made on {{.}}.{{end}}</p>
</header>
{{if or (gt (len .Groups) 1) .Skipped}}
<section aria-labelledby="contents">
<h2 id="contents">What is in this report</h2>
<ul>
{{range .Groups}}<li><a href="#{{.Anchor}}">{{plural (len .Transcripts) "transcript"}} of <b>{{.Title}}</b></a> (scenario <code>{{.Scenario}}</code>{{if .Hash}}, version <code>{{printf "%.8s" .Hash}}</code>{{end}}){{with .KindText}}. {{.}}{{end}}</li>
{{end}}</ul>
{{if .Skipped}}<div class="notice" role="note">
<p><b>{{plural (len .Skipped) "file"}} left out</b>, because {{if eq (len .Skipped) 1}}it is{{else}}they are{{end}} not a transcript:</p>
<ul>{{range .Skipped}}<li><code>{{.File}}</code>: {{.Reason}}</li>{{end}}</ul>
</div>{{end}}
</section>
{{end}}
{{range .Groups}}
<section id="{{.Anchor}}" aria-labelledby="{{.Anchor}}-h">
<h2 id="{{.Anchor}}-h">{{if gt (len $.Groups) 1}}{{.Title}}: {{plural (len .Transcripts) "transcript"}}{{else}}The class at a glance{{end}}</h2>
{{with .KindText}}<p class="notice" role="note">{{.}}</p>{{end}}
<nav aria-label="Parts of the report{{if gt (len $.Groups) 1}} on {{.Title}}{{end}}"><ul>
<li><a href="#{{.Anchor}}-endings">Endings reached</a></li>
<li><a href="#{{.Anchor}}-history">Matching history</a></li>
<li><a href="#{{.Anchor}}-meters">Meters over time</a></li>
<li><a href="#{{.Anchor}}-decisions">Each decision</a></li>
<li><a href="#{{.Anchor}}-students">Each student</a></li>
</ul></nav>

<h3 id="{{.Anchor}}-endings">Endings reached</h3>
<figure>
<svg role="img" aria-labelledby="{{.Anchor}}-ec" viewBox="0 0 960 {{.EndChart.Height}}" width="960" height="{{.EndChart.Height}}">
{{range .EndChart.Bars}}<g transform="translate(0 {{.Y}})"><text x="0" y="22">{{.Label}}</text><rect x="380" y="6" width="{{.W}}" height="22" fill="{{.Style.Color}}"/><text x="{{.TextX}}" y="22">{{.Value}}</text></g>
{{end}}</svg>
<figcaption id="{{.Anchor}}-ec">How many students reached each ending; the table gives the same numbers.</figcaption>
</figure>
<table>
<caption>Endings reached by {{plural (len .Transcripts) "student"}}</caption>
<thead><tr><th scope="col">Ending</th><th scope="col" class="num">Students</th><th scope="col" class="num">Share</th><th scope="col">Who</th></tr></thead>
<tbody>
{{range .Endings}}<tr{{if .Historical}} class="hist"{{end}}><th scope="row">{{.Title}}{{if .Historical}}<span class="badge">historical</span>{{end}}</th><td class="num">{{.Count}}</td><td class="num">{{.Share}}</td><td class="who">{{.Names}}</td></tr>
{{end}}{{if .Unfinished}}<tr><th scope="row">Not finished</th><td class="num">{{.Unfinished}}</td><td class="num"></td><td class="who">{{.UnfinishedNames}}</td></tr>{{end}}
</tbody>
</table>

<h3 id="{{.Anchor}}-history">Matching history</h3>
{{if .Most}}<div class="highlight">
<div><p><b>Closest to history</b></p><p>{{names .Most}}</p></div>
<div><p><b>Furthest from history</b></p><p>{{names .Least}}</p></div>
</div>{{else}}<p>Every student matched history equally often.</p>{{end}}
<table>
<caption>Replies that matched the historical one, most first</caption>
<thead><tr><th scope="col">Student</th><th scope="col" class="num">Matched</th><th scope="col" class="num">Share</th><th scope="col"><span class="visually-hidden">Bar</span></th><th scope="col">Ending</th></tr></thead>
<tbody>
{{range .Rows}}<tr><th scope="row"><a href="#{{.Anchor}}">{{.Name}}</a></th><td class="num">{{.Matches}} of {{.Decisions}}</td><td class="num">{{.Share}}</td><td class="bar"><svg aria-hidden="true" focusable="false" viewBox="0 0 100 10" width="200" height="14" preserveAspectRatio="none"><rect width="100" height="10" fill="#e4ddd0"/><rect width="{{.W}}" height="10" fill="#1b5e3b"/></svg></td><td>{{.Ending}}</td></tr>
{{end}}</tbody>
</table>

<h3 id="{{.Anchor}}-meters">Meters over time</h3>
<p>Every student's line, coloured and dashed by the ending reached:</p>
<ul class="legend">{{range .Legend}}<li><svg aria-hidden="true" focusable="false" width="36" height="12"><line x1="0" y1="6" x2="36" y2="6" stroke="{{.Style.Color}}" stroke-width="3" stroke-dasharray="{{.Style.Dash}}"/></svg>{{.Label}}</li>{{end}}</ul>
{{range .Charts}}{{$c := .}}
<h4 id="{{.ID}}">{{.Meter.Label}}</h4>
<figure>
<svg role="img" aria-labelledby="{{.ID}}-t {{.ID}}-c" viewBox="0 0 {{.W}} {{.H}}" width="{{.W}}" height="{{.H}}">
<title id="{{.ID}}-t">{{.Meter.Label}}, every student</title>
<g class="axis">
{{range .YTicks}}<line x1="{{$c.Left}}" x2="{{$c.Right}}" y1="{{.Pos}}" y2="{{.Pos}}" stroke="#d8d0c2" stroke-width="1"/><text x="{{$c.Left}}" dx="-8" y="{{.Pos}}" dy="4" text-anchor="end">{{.Label}}</text>
{{end}}{{range .XTicks}}<line x1="{{.Pos}}" x2="{{.Pos}}" y1="{{$c.Top}}" y2="{{$c.Bottom}}" stroke="#ebe5da" stroke-width="1"/><text x="{{.Pos}}" y="{{$c.Bottom}}" dy="20" text-anchor="middle">{{.Label}}</text>
{{end}}</g>
{{range .Lines}}<polyline points="{{.Points}}" fill="none" stroke="{{.Style.Color}}" stroke-width="2" stroke-opacity="0.8" stroke-dasharray="{{.Style.Dash}}" stroke-linejoin="round"><title>{{.Name}}</title></polyline>
{{end}}</svg>
<figcaption id="{{.ID}}-c">{{.Summary}}</figcaption>
</figure>
<details><summary>{{.Meter.Label}} as a table</summary>
<table>
<caption>{{.Meter.Label}} of each student</caption>
<thead><tr><th scope="col">Student</th><th scope="col" class="num">Start</th><th scope="col" class="num">Lowest</th><th scope="col" class="num">Highest</th><th scope="col" class="num">End</th><th scope="col">Ending</th></tr></thead>
<tbody>{{range .Data}}<tr><th scope="row">{{.Name}}</th><td class="num">{{.Start}}</td><td class="num">{{.Low}}</td><td class="num">{{.High}}</td><td class="num">{{.Final}}</td><td>{{.Ending}}</td></tr>
{{end}}</tbody>
</table>
</details>
{{end}}

<h3 id="{{.Anchor}}-decisions">Each decision</h3>
<p>For every document with replies, the share of the students who had it that chose each reply. The historical reply is marked <span class="badge">historical</span>.</p>
{{range .Decs}}
<h4 id="{{.Anchor}}">{{longDate .Date}}: {{.Title}}</h4>
<table class="replies">
<caption>{{plural .Reached "student"}} had this document{{with .Hist}}; {{.}} chose the historical reply{{end}}</caption>
<thead><tr><th scope="col">Reply</th><th scope="col" class="num">Students</th><th scope="col" class="num">Share</th><th scope="col"><span class="visually-hidden">Bar</span></th></tr></thead>
<tbody>
{{range .Rows}}<tr{{if .Historical}} class="hist"{{end}}><th scope="row">{{.Text}}{{if .Historical}}<span class="badge">historical</span>{{end}}{{if .Students}}<br><span class="who">{{range $i, $n := .Students}}{{if $i}}, {{end}}{{$n}}{{end}}</span>{{end}}</th><td class="num">{{.Count}}</td><td class="num">{{.Share}}</td><td class="bar"><svg aria-hidden="true" focusable="false" viewBox="0 0 100 10" width="200" height="14" preserveAspectRatio="none"><rect width="100" height="10" fill="#e4ddd0"/><rect width="{{.W}}" height="10" fill="{{if .Historical}}#1b5e3b{{else}}#1f4e9c{{end}}"/></svg></td></tr>
{{end}}</tbody>
</table>
{{end}}

<h3 id="{{.Anchor}}-students">Each student</h3>
{{range .Rows}}
<div class="student">
<h4 id="{{.Anchor}}">{{.Name}}</h4>
<p>{{.Ending}}. Matched history in {{.Matches}} of {{.Decisions}} decisions.{{if .Transcript.Student}}{{else}} <span class="who">(no name given: named after the file {{.Transcript.File}})</span>{{end}}</p>
<table>
<caption>The replies of {{.Name}}</caption>
<thead><tr><th scope="col">Date</th><th scope="col">Document</th><th scope="col">Reply</th><th scope="col">Historical reply</th><th scope="col">Meters after</th></tr></thead>
<tbody>
{{range .Steps}}<tr><td class="num">{{longDate .Date}}</td><th scope="row">{{.EventTitle}}</th><td>{{.ChoiceText}}</td><td>{{if .Same}}<span class="same">the same</span>{{else if .Historical}}{{.Historical}}{{else}}—{{end}}</td><td class="who">{{.Meters}}</td></tr>
{{end}}</tbody>
</table>
</div>
{{end}}
</section>
{{end}}
<footer><p>Made by {{if .Tool}}{{.Tool}}{{else}}b3 report{{end}} from the students' transcript files. Nothing on this page was fetched from the network.</p></footer>
</main>
</body>
</html>
`
