#!/usr/bin/env bash
# Builds target/ferry-edge-{version}-linux-x64.tar.gz: a jlink'd runtime, the shaded jar, the
# launcher, the commented default YAML, the systemd unit, install.sh/uninstall.sh and the docs.
# Run by `mvn package` (exec-maven-plugin in edge-listener/pom.xml) after the shade plugin.
#   build-dist.sh VERSION JDK_HOME MODULES   (MODULES comma-separated, see the pom for why each)
set -euo pipefail
version="$1"
jdk="$2"
modules="$3"
module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
repo_dir="$(cd "$module_dir/.." && pwd)"
target="$module_dir/target"
name="ferry-edge-$version"
stage="$target/dist/$name"
runtime="$target/dist/runtime"

# The runtime depends only on the JDK and the module list: reuse it when neither changed, so a
# repeated `mvn package` does not pay for jlink again.
stamp="jdk=$("$jdk/bin/java" -version 2>&1 | head -n 1) home=$jdk modules=$modules"
if [[ ! -f "$runtime/.ferry-stamp" || "$(cat "$runtime/.ferry-stamp")" != "$stamp" ]]; then
  rm -rf "$runtime"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --output "$runtime"
  echo "$stamp" > "$runtime/.ferry-stamp"
fi

rm -rf "$stage"
mkdir -p "$stage/lib" "$stage/config"
cp -a "$runtime" "$stage/runtime"
rm -f "$stage/runtime/.ferry-stamp"
cp "$target/ferry-edge.jar" "$stage/lib/ferry-edge.jar"
cp -a "$module_dir/src/dist/." "$stage/"
cp "$module_dir/src/main/resources/ferry-edge-default.yaml" "$stage/config/ferry-edge-default.yaml"
cp "$repo_dir/LICENSE" "$repo_dir/CHANGELOG.md" "$module_dir/INSTALL.md" "$stage/"
echo "$version" > "$stage/VERSION"
chmod 0755 "$stage/bin/ferry-edge" "$stage/install.sh" "$stage/uninstall.sh"

tarball="$target/$name-linux-x64.tar.gz"
# Owner root and sorted names: the archive does not carry the build user's ids.
tar --owner=0 --group=0 --numeric-owner --sort=name -C "$target/dist" -czf "$tarball" "$name"
echo "ferry-edge: built $tarball ($(du -h "$tarball" | cut -f1))"
