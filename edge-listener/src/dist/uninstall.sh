#!/bin/sh
# Removes the HL7 Ferry edge service and program (/opt/hl7-ferry). The configuration
# (/etc/hl7-ferry) and the spool (/var/lib/hl7-ferry), which may hold messages not yet shipped,
# are kept unless --purge is given; --purge also removes the hl7-ferry user.
#   sudo ./uninstall.sh [--purge]
# DESTDIR=/some/dir works on a tree staged by install.sh with the same DESTDIR.
set -eu
purge=no
case "${1:-}" in
  --purge) purge=yes ;;
  "") ;;
  *) echo "usage: uninstall.sh [--purge]" >&2; exit 2 ;;
esac
destdir=${DESTDIR:-}
user=hl7-ferry

if [ -z "$destdir" ] && [ "$(id -u)" -ne 0 ]; then
  echo "uninstall.sh: run as root (sudo ./uninstall.sh)" >&2
  exit 1
fi

if [ -z "$destdir" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl disable --now hl7-ferry-edge.service 2>/dev/null || true
fi
rm -f "$destdir/etc/systemd/system/hl7-ferry-edge.service"
rm -rf "$destdir/etc/systemd/system/hl7-ferry-edge.service.d"
if [ -z "$destdir" ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
fi
rm -rf "$destdir/opt/hl7-ferry"
echo "uninstall.sh: removed the service and /opt/hl7-ferry"

if [ "$purge" = yes ]; then
  rm -rf "$destdir/etc/hl7-ferry" "$destdir/var/lib/hl7-ferry"
  if [ -z "$destdir" ] && id "$user" >/dev/null 2>&1; then
    userdel "$user"
  fi
  echo "uninstall.sh: purged /etc/hl7-ferry, /var/lib/hl7-ferry and the user $user"
else
  echo "uninstall.sh: kept /etc/hl7-ferry and /var/lib/hl7-ferry (the spool); --purge removes them"
fi
