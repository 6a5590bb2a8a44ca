#!/bin/sh
# Installs (or upgrades to) this HL7 Ferry edge release as the systemd service hl7-ferry-edge:
#   program  /opt/hl7-ferry/<version>, and /opt/hl7-ferry/current pointing at it
#   config   /etc/hl7-ferry/ferry-edge.yaml (created once, never overwritten; the shipped
#            defaults are refreshed beside it as ferry-edge-default.yaml)
#   data     /var/lib/hl7-ferry/spool (the spool), /var/lib/hl7-ferry/tmp; user hl7-ferry
# Run as root from the unpacked release: sudo ./install.sh
# A running service is restarted on the new release; a stopped one is left stopped.
# DESTDIR=/some/dir stages the files under that directory only (no user, no systemctl): for
# packagers and tests.
set -eu
umask 022
src=$(cd -P "$(dirname "$0")" && pwd -P)
version=$(cat "$src/VERSION")
[ -n "$version" ] || { echo "install.sh: empty VERSION file" >&2; exit 1; }
destdir=${DESTDIR:-}
opt="$destdir/opt/hl7-ferry"
etc="$destdir/etc/hl7-ferry"
data="$destdir/var/lib/hl7-ferry"
unitdir="$destdir/etc/systemd/system"
user=hl7-ferry

if [ -z "$destdir" ] && [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: run as root (sudo ./install.sh)" >&2
  exit 1
fi

if [ -z "$destdir" ] && ! id "$user" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir /var/lib/hl7-ferry --no-create-home \
    --shell /usr/sbin/nologin --comment "HL7 Ferry edge" "$user"
  echo "install.sh: created system user $user"
fi

# The program: a fresh copy per version, then the 'current' link switches in one step.
mkdir -p "$opt"
rm -rf "$opt/$version.new"
mkdir "$opt/$version.new"
for part in bin lib runtime config systemd windows install.sh uninstall.sh \
  INSTALL.md CHANGELOG.md LICENSE VERSION; do
  cp -R "$src/$part" "$opt/$version.new/"
done
rm -rf "${opt:?}/${version:?}"
mv "$opt/$version.new" "$opt/$version"
ln -sfn "$version" "$opt/current.new"
mv -T "$opt/current.new" "$opt/current"
echo "install.sh: installed $opt/$version ($opt/current points at it)"

# The configuration: the site's file is created once from the defaults, with the spool in the
# data directory (the only place the service may write).
mkdir -p "$etc"
cp "$src/config/ferry-edge-default.yaml" "$etc/ferry-edge-default.yaml"
if [ ! -f "$etc/ferry-edge.yaml" ]; then
  sed 's#^  dataDir: ./ferry-data$#  dataDir: /var/lib/hl7-ferry/spool#' \
    "$src/config/ferry-edge-default.yaml" > "$etc/ferry-edge.yaml"
  if ! grep -q '^  dataDir: /var/lib/hl7-ferry/spool$' "$etc/ferry-edge.yaml"; then
    rm -f "$etc/ferry-edge.yaml"
    echo "install.sh: could not set spool.dataDir in $etc/ferry-edge.yaml" >&2
    exit 1
  fi
  echo "install.sh: created $etc/ferry-edge.yaml (edit it, then start the service)"
else
  echo "install.sh: kept $etc/ferry-edge.yaml; new defaults are in $etc/ferry-edge-default.yaml"
fi
mkdir -p "$data/spool" "$data/tmp"
if [ -z "$destdir" ]; then
  chown root:"$user" "$etc" "$etc/ferry-edge.yaml"
  chmod 0750 "$etc"
  chmod 0640 "$etc/ferry-edge.yaml"
  chown "$user:$user" "$data" "$data/spool" "$data/tmp"
  chmod 0750 "$data" "$data/tmp"
  # The spool holds PHI: only the service may read it (the edge warns at start when it is looser).
  chmod 0700 "$data/spool"
fi

mkdir -p "$unitdir"
cp "$src/systemd/hl7-ferry-edge.service" "$unitdir/hl7-ferry-edge.service"
chmod 0644 "$unitdir/hl7-ferry-edge.service"

"$opt/current/bin/ferry-edge" --version

if [ -z "$destdir" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable hl7-ferry-edge.service
  if systemctl is-active --quiet hl7-ferry-edge.service; then
    systemctl restart hl7-ferry-edge.service
    echo "install.sh: restarted hl7-ferry-edge on $version"
  else
    echo "install.sh: enabled hl7-ferry-edge; start it with: systemctl start hl7-ferry-edge"
  fi
fi
