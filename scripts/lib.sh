# Shared helpers for scripts/play, scripts/test, scripts/build-web and scripts/perf.
# Source it from bash: . "$(dirname "$0")/lib.sh"

# B3_ROOT is the repository root (the folder that holds go.mod).
B3_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages, by purpose (see shared/platform.md).
B3_PKGS_BUILD="gcc libc6-dev libx11-dev libxrandr-dev libxcursor-dev libxinerama-dev libxi-dev libxxf86vm-dev libgl-dev"
B3_PKGS_DISPLAY="xvfb xauth xdotool"
B3_PKGS_BROWSER="chromium"
B3_PKGS_NODE="nodejs npm"

# The Go version the module needs (go.mod says go 1.26.0). go.mod's toolchain line pins the
# release the project is built and tested with (go1.26.11: 1.26.8 to 1.26.10 have standard-library
# vulnerabilities the code reaches); Go 1.21 and later fetch it themselves, once, unless
# GOTOOLCHAIN says otherwise. A machine whose `go env` file says GOTOOLCHAIN=local (Debian's
# images do) would quietly build with the older local release, so the scripts ask for auto.
B3_GO_MAJOR=1
B3_GO_MINOR=26
: "${GOTOOLCHAIN:=auto}"
export GOTOOLCHAIN

if [ -t 1 ]; then
	say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
else
	say() { printf '==> %s\n' "$*"; }
fi
warn() { printf 'bigthree: warning: %s\n' "$*" >&2; }
die() {
	printf 'bigthree: %s\n' "$*" >&2
	exit 1
}

# b3_os prints linux-debian (apt and dpkg present), linux-other, macos, windows or other.
b3_os() {
	case "$(uname -s 2>/dev/null)" in
	Linux)
		if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
			echo linux-debian
		else
			echo linux-other
		fi
		;;
	Darwin) echo macos ;;
	MINGW* | MSYS* | CYGWIN*) echo windows ;;
	*) echo other ;;
	esac
}

# b3_go_version prints the local Go toolchain's version as "MAJOR MINOR", or nothing.
b3_go_version() {
	local v
	v=$(GOTOOLCHAIN=local go env GOVERSION 2>/dev/null) || return 0
	v=${v#go}
	local major=${v%%.*} rest=${v#*.}
	local minor=${rest%%[!0-9]*}
	[ -n "$major" ] && [ -n "$minor" ] && echo "$major $minor"
}

# b3_need_go checks that Go is installed and recent enough, and explains what to do if not.
b3_need_go() {
	if ! command -v go >/dev/null 2>&1; then
		die "Go is not installed (or not on PATH). bigthree needs Go $B3_GO_MAJOR.$B3_GO_MINOR or later:
  download it from https://go.dev/dl/ and follow the install steps there, then run this again.
  (On Debian/Ubuntu the 'golang' package is usually too old.)"
	fi
	local v major minor
	v=$(b3_go_version)
	[ -n "$v" ] || die "could not read Go's version ('go env GOVERSION' failed). Is the Go install broken?"
	read -r major minor <<<"$v"
	if [ "$major" -gt "$B3_GO_MAJOR" ] || { [ "$major" -eq "$B3_GO_MAJOR" ] && [ "$minor" -ge "$B3_GO_MINOR" ]; }; then
		# Let go.mod's toolchain line take effect now, so its download is reported here.
		(cd "$B3_ROOT" && go version >/dev/null) || die "Go could not fetch the toolchain go.mod asks for ($(sed -n 's/^toolchain //p' "$B3_ROOT/go.mod")); check the network, or set GOTOOLCHAIN=local to build with Go $major.$minor"
		b3_warn_old_toolchain
		return 0
	fi
	if [ "$major" -eq 1 ] && [ "$minor" -ge 21 ] && [ "${GOTOOLCHAIN:-auto}" != local ]; then
		say "Go $major.$minor is installed; bigthree needs $B3_GO_MAJOR.$B3_GO_MINOR, so Go will fetch that toolchain itself (once)"
		if (cd "$B3_ROOT" && go version >/dev/null); then
			b3_warn_old_toolchain
			return 0
		fi
		die "Go $major.$minor could not fetch the Go $B3_GO_MAJOR.$B3_GO_MINOR toolchain. Install Go $B3_GO_MAJOR.$B3_GO_MINOR or later from https://go.dev/dl/"
	fi
	die "Go $major.$minor is too old: bigthree needs Go $B3_GO_MAJOR.$B3_GO_MINOR or later. Install it from https://go.dev/dl/"
}

# b3_warn_old_toolchain warns when the Go release that builds is older than go.mod's toolchain
# line, as it is when GOTOOLCHAIN=local is set in the environment: the build then lacks the
# standard-library fixes the line is there for (cmd/webserve's tests fail on it).
b3_warn_old_toolchain() {
	local want have
	want=$(sed -n 's/^toolchain //p' "$B3_ROOT/go.mod")
	have=$(cd "$B3_ROOT" && go env GOVERSION 2>/dev/null)
	[ -n "$want" ] && [ -n "$have" ] || return 0
	if [ "$have" != "$want" ] && [ "$(printf '%s\n%s\n' "${have#go}" "${want#go}" | sort -V | head -n 1)" = "${have#go}" ]; then
		warn "building with $have, older than $want (go.mod's toolchain line), because GOTOOLCHAIN=${GOTOOLCHAIN:-}; unset it, or set GOTOOLCHAIN=auto, to build with $want"
	fi
}

# b3_missing_pkgs prints the Debian packages among its arguments that are not installed.
b3_missing_pkgs() {
	local p missing=()
	for p in "$@"; do
		if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
			missing+=("$p")
		fi
	done
	echo "${missing[*]}"
}

# b3_apt_install installs the Debian packages among its arguments that are missing, as root or
# through sudo. It runs apt-get update only when the install fails for lack of package lists.
b3_apt_install() {
	local missing
	missing=$(b3_missing_pkgs "$@")
	[ -n "$missing" ] || return 0
	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null 2>&1 || die "these packages are needed but missing, and sudo is not available: $missing
  Ask an administrator to run: apt-get install $missing"
		sudo=(sudo)
	fi
	say "Installing Debian packages: $missing"
	local log
	log=$(mktemp)
	# shellcheck disable=SC2086 # one word per package
	if "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >"$log" 2>&1; then
		rm -f "$log"
		return 0
	fi
	if grep -qE 'Unable to locate package|has no installation candidate|Failed to fetch|404 +Not Found' "$log"; then
		say "The package lists are missing or out of date: running apt-get update first"
		rm -f "$log"
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q || die "apt-get update failed"
		# shellcheck disable=SC2086
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing ||
			die "could not install: $missing"
		return 0
	fi
	cat "$log" >&2
	rm -f "$log"
	die "could not install: $missing"
}

# b3_need_desktop_build makes sure a C compiler and the X11/GL headers are there (Debian/Ubuntu),
# or explains what to install elsewhere.
b3_need_desktop_build() {
	case "$(b3_os)" in
	linux-debian) b3_apt_install $B3_PKGS_BUILD ;;
	linux-other)
		say "Not a Debian/Ubuntu system: skipping the automatic package install."
		if ! command -v gcc >/dev/null 2>&1 && ! command -v cc >/dev/null 2>&1; then
			die "the desktop game needs a C compiler and the X11/OpenGL headers. Install them with your package manager, e.g.
  Fedora:  sudo dnf install gcc libX11-devel libXrandr-devel libXcursor-devel libXinerama-devel libXi-devel libXxf86vm-devel mesa-libGL-devel
  Arch:    sudo pacman -S gcc libx11 libxrandr libxcursor libxinerama libxi libxxf86vm mesa
  openSUSE: sudo zypper install gcc libX11-devel libXrandr-devel libXcursor-devel libXinerama-devel libXi-devel libXxf86vm-devel Mesa-libGL-devel"
		fi
		say "If the build fails with 'undefined: glfw.Window' or missing X11 headers, install the X11 and OpenGL development packages (see README)."
		;;
	macos)
		say "macOS: no packages needed (Go alone builds the game)."
		;;
	windows)
		say "Windows: no packages needed (Go alone builds the game)."
		;;
	*) say "Unknown system $(uname -s): trying the build anyway." ;;
	esac
}

# b3_need_test_tools installs what the tests need: the build packages, Xvfb, xauth, xdotool and
# Chromium. It sets B3_TOOLS_COMPLETE=1 when all of them are there. Outside CI a failed Chromium
# install only warns (the browser tests then skip); in CI (CI set) it is fatal.
b3_need_test_tools() {
	B3_TOOLS_COMPLETE=1
	case "$(b3_os)" in
	linux-debian)
		b3_apt_install $B3_PKGS_BUILD $B3_PKGS_DISPLAY
		if ! (b3_apt_install $B3_PKGS_BROWSER); then
			[ -n "${CI:-}" ] && die "chromium is needed for the browser tests"
			warn "chromium could not be installed: the browser tests will be skipped"
			B3_TOOLS_COMPLETE=
		fi
		;;
	*)
		say "Not a Debian/Ubuntu system: install a C compiler, the X11/GL headers, Xvfb, xauth, xdotool and Chromium yourself."
		local tool
		for tool in gcc xvfb-run xdotool chromium; do
			command -v "$tool" >/dev/null 2>&1 || {
				warn "$tool is missing: the tests that need it will be skipped"
				B3_TOOLS_COMPLETE=
			}
		done
		;;
	esac
}

# B3_XVFB runs a command on a fresh virtual screen large enough for a 1280x720 window. -noreset:
# by default Xvfb resets when its last client leaves, and a game started just after another quit
# then fails with "Failed to open display".
B3_XVFB=(xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp -noreset")

# b3_need_node makes sure node and npm are there for the Studio's build (Debian/Ubuntu: installs
# Debian's nodejs and npm when missing), or explains what to install elsewhere.
b3_need_node() {
	if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
		return 0
	fi
	case "$(b3_os)" in
	linux-debian) b3_apt_install $B3_PKGS_NODE ;;
	*) die "the Studio's build needs Node.js and npm: install them from https://nodejs.org (or your package manager), then run this again" ;;
	esac
	command -v npm >/dev/null 2>&1 || die "npm is still missing after installing $B3_PKGS_NODE"
}

# b3_npm_ci installs the npm packages exactly as package-lock.json pins them (the Studio's editor
# and graph; scorm-again, which stands in for an LMS in the SCORM package's browser test), unless
# node_modules already holds that lock's packages. No package's install scripts run.
b3_npm_ci() {
	local stamp=$B3_ROOT/node_modules/.bigthree-lock
	if [ -f "$stamp" ] && cmp -s "$stamp" "$B3_ROOT/package-lock.json"; then
		return 0
	fi
	say "Installing the npm packages (npm ci, from package-lock.json)"
	(cd "$B3_ROOT" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || die "npm ci failed"
	cp "$B3_ROOT/package-lock.json" "$stamp"
}
