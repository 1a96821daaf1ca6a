package scenarios_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"bigthree/internal/scenario"
	"bigthree/scenarios"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(scenarios.Schema()))
	if err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("schema.json does not compile: %v", err)
	}
	return sch
}

// plain turns a YAML node into the values JSON Schema validates: dates stay
// text (as the loader reads them), numbers stay numbers.
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return plain(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, plain(c))
		}
		return l
	}
	switch n.Tag {
	case "!!int":
		v, _ := strconv.ParseInt(n.Value, 0, 64)
		return json.Number(strconv.FormatInt(v, 10))
	case "!!float":
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func validate(sch *jsonschema.Schema, data []byte) error {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return err
	}
	return sch.Validate(plain(&n))
}

func TestShippedScenariosMatchTheSchema(t *testing.T) {
	sch := compileSchema(t)
	for _, name := range scenarios.Names() {
		data, _ := scenarios.Read(name)
		if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=./schema.json\n") {
			t.Errorf("%s does not start with the yaml-language-server schema line", name)
		}
		if err := validate(sch, data); err != nil {
			t.Errorf("%s does not match schema.json: %v", name, err)
		}
	}
}

// The schema rejects the same misspellings and wrong types the loader does.
func TestSchemaRejectsMistakes(t *testing.T) {
	sch := compileSchema(t)
	for _, name := range []string{"misspelled-key", "newer-format", "date-format", "unknown-kind", "too-many-choices", "meter-id-hyphen", "effects-not-a-map", "bad-effect-value", "missing-title"} {
		data, err := os.ReadFile(filepath.Join("..", "internal", "cli", "testdata", "check", name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(sch, data); err == nil {
			t.Errorf("%s passes the schema", name)
		}
	}
}

// The schema lists exactly the keys the loader knows, part by part.
func TestSchemaKeysMatchTheLoader(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(scenarios.Schema(), &doc); err != nil {
		t.Fatal(err)
	}
	defs := doc["definitions"].(map[string]any)
	props := func(obj any) []string {
		var keys []string
		for k := range obj.(map[string]any)["properties"].(map[string]any) {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		return keys
	}
	rootProps := doc["properties"].(map[string]any)
	objectOf := func(v any) any { // the object branch of a oneOf, or the object itself
		m := v.(map[string]any)
		if one, ok := m["oneOf"].([]any); ok {
			for _, o := range one {
				if om := o.(map[string]any); om["type"] == "object" {
					return om
				}
			}
		}
		return m
	}
	parts := map[string]any{
		"scenario":  doc,
		"labels":    rootProps["labels"],
		"character": objectOf(rootProps["characters"].(map[string]any)["additionalProperties"]),
		"meter":     objectOf(rootProps["meters"].(map[string]any)["additionalProperties"]),
		"source":    objectOf(rootProps["sources"].(map[string]any)["additionalProperties"]),
		"event":     defs["event"],
		"choice":    objectOf(defs["choice"]),
		"trigger":   defs["trigger"],
		"ending":    defs["ending"],
		"line":      defs["line"],
		"image":     defs["image"],
		"portrait":  objectOf(defs["portrait"]),
	}
	for part, keys := range scenario.KnownKeys() {
		want := slices.Sorted(slices.Values(keys))
		if got := props(parts[part]); !slices.Equal(got, want) {
			t.Errorf("%s: schema has %v, the loader knows %v", part, got, want)
		}
	}
}
