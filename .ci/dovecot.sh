#!/usr/bin/env bash
# A Dovecot IMAP server for Rampart's IMAP tests, apart from the system's own: its own
# configuration, mail and certificates in one directory, listening on loopback only.
#
#   bash .ci/dovecot.sh          install (as root, from Debian's packages) if missing, configure,
#                                start; does nothing when it is already running
#   bash .ci/dovecot.sh stop     stop it (the mail stays)
#
#   plain and STARTTLS: 127.0.0.1:10143   implicit TLS: 127.0.0.1:10993
#   the same, advertising no MOVE (for the fallback path): 127.0.0.2:10143
#   user: reports   password: reports-test
#   CA that signed the server's certificate: $RAMPART_DOVECOT_DIR/ca.pem
#
# RAMPART_DOVECOT_DIR (default /tmp/rampart-dovecot) is where everything lives; the tests read
# the same variable to find the CA. Works as root (CI) or as an ordinary user who has Dovecot
# installed (then everything runs as that user).
set -euo pipefail

DIR="${RAMPART_DOVECOT_DIR:-/tmp/rampart-dovecot}"
PLAIN_PORT=10143
TLS_PORT=10993
NOMOVE_ADDR=127.0.0.2
CONF="$DIR/dovecot.conf"

log() { printf '==> dovecot: %s\n' "$*"; }

running() {
  [[ -f "$DIR/run/master.pid" ]] && kill -0 "$(cat "$DIR/run/master.pid")" 2>/dev/null
}

listening() {
  # bash's /dev/tcp: no extra tool needed to see whether the port accepts connections.
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

if [[ "${1:-}" == "stop" ]]; then
  if running; then
    dovecot -c "$CONF" stop
    log "stopped"
  fi
  exit 0
fi

up() {
  listening 127.0.0.1 "$PLAIN_PORT" && listening 127.0.0.1 "$TLS_PORT" \
    && listening "$NOMOVE_ADDR" "$PLAIN_PORT"
}

if running && up; then
  log "already running ($DIR)"
  exit 0
fi

if ! command -v dovecot >/dev/null 2>&1 || [[ ! -x /usr/lib/dovecot/imap ]] \
  || ! command -v openssl >/dev/null 2>&1; then
  if [[ "$(id -u)" != 0 ]]; then
    echo "dovecot: Dovecot is not installed; as root: apt-get install dovecot-imapd openssl" >&2
    exit 1
  fi
  log "installing dovecot-imapd"
  apt-get update -qq
  # The package's own start attempt is irrelevant here: without systemd it is refused, and a
  # system Dovecot on 143/993 would not clash with the ports below anyway.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd openssl >/dev/null
fi

version="$(dovecot --version | cut -d. -f1,2)"
case "$version" in
  2.3) ;;
  *)
    # 2.4 renamed most settings; this file is written in 2.3's.
    echo "dovecot: found Dovecot $version; this script writes a Dovecot 2.3 configuration" >&2
    exit 1
    ;;
esac

mkdir -p "$DIR/run" "$DIR/state" "$DIR/mail"
chmod 755 "$DIR"

if [[ "$(id -u)" == 0 ]]; then
  # Dovecot refuses mail access as root; the mail belongs to nobody, the processes that need no
  # privileges run as the users Debian's package created for them.
  internal_user=dovecot
  internal_group=dovecot
  login_user=dovenull
  mail_uid="$(id -u nobody)"
  mail_gid="$(id -g nobody)"
  login_chroot=login
else
  internal_user="$(id -un)"
  internal_group="$(id -gn)"
  login_user="$(id -un)"
  mail_uid="$(id -u)"
  mail_gid="$(id -g)"
  # chroot needs root.
  login_chroot=
fi

# A small CA and a server certificate it signed: clients that verify (rustls does) refuse a
# self-signed certificate used directly as a server's, so the tests trust ca.pem instead.
if [[ ! -s "$DIR/ca.pem" || ! -s "$DIR/server.pem" || ! -s "$DIR/server.key" ]]; then
  log "making a test CA and server certificate"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=Rampart test CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$DIR/ca.key" -out "$DIR/ca.pem" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -subj "/CN=localhost" -keyout "$DIR/server.key" -out "$DIR/server.csr" 2>/dev/null
  printf '%s\n' \
    "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth" >"$DIR/server.ext"
  openssl x509 -req -in "$DIR/server.csr" -CA "$DIR/ca.pem" -CAkey "$DIR/ca.key" \
    -CAcreateserial -days 3650 -extfile "$DIR/server.ext" -out "$DIR/server.pem" 2>/dev/null
  chmod 600 "$DIR/ca.key" "$DIR/server.key"
  chmod 644 "$DIR/ca.pem" "$DIR/server.pem"
fi

# passwd-file: user:{scheme}password:uid:gid::home::
printf 'reports:{PLAIN}reports-test:%s:%s::%s/mail/reports::\n' \
  "$mail_uid" "$mail_gid" "$DIR" >"$DIR/users"
chmod 644 "$DIR/users"
mkdir -p "$DIR/mail/reports"
chown -R "$mail_uid:$mail_gid" "$DIR/mail"

dh=""
if [[ -f /usr/share/dovecot/dh.pem ]]; then
  dh="ssl_dh = </usr/share/dovecot/dh.pem"
fi

cat >"$CONF" <<EOF
# Written by .ci/dovecot.sh; rewritten on every start.
instance_name = rampart-dovecot
base_dir = $DIR/run
state_dir = $DIR/state
log_path = $DIR/dovecot.log
protocols = imap
listen = 127.0.0.1
default_internal_user = $internal_user
default_internal_group = $internal_group
default_login_user = $login_user

ssl = yes
ssl_cert = <$DIR/server.pem
ssl_key = <$DIR/server.key
$dh
# Tests log in over plain text on loopback too.
disable_plaintext_auth = no
auth_mechanisms = plain login
# The wrong-password test should not slow down every other test's login.
auth_failure_delay = 0

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $DIR/users
}

# Maildir with Dovecot's default hierarchy separator for it, '.', which is not the '/' that
# Rampart's settings use: the tests then show that folder names are translated.
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
}
# Tests run in parallel, each with a connection or two.
mail_max_userip_connections = 200

service imap-login {
  chroot = $login_chroot
  inet_listener imap {
    address = 127.0.0.1
    port = $PLAIN_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $TLS_PORT
    ssl = yes
  }
  # The same mailboxes, for the tests of servers without MOVE (see the filter below).
  inet_listener imap_nomove {
    address = $NOMOVE_ADDR
    port = $PLAIN_PORT
  }
}
# Clients that connect to $NOMOVE_ADDR are told the server has no MOVE, so that the tests
# reach the poller's COPY + STORE + UID EXPUNGE path.
local $NOMOVE_ADDR {
  protocol imap {
    imap_capability = IMAP4rev1 LITERAL+ SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS CHILDREN
  }
}
EOF

if running; then
  # Running but not answering on both ports: start over with the configuration just written.
  dovecot -c "$CONF" stop || true
  sleep 1
fi

log "starting on 127.0.0.1:$PLAIN_PORT (plain, STARTTLS) and 127.0.0.1:$TLS_PORT (TLS)"
# The daemon must not keep the caller's output open: whoever reads this script's output (CI, a
# terminal multiplexer) would otherwise wait for it to close until the daemon stops.
dovecot -c "$CONF" </dev/null >>"$DIR/dovecot-start.log" 2>&1
for _ in $(seq 1 50); do
  if up; then
    log "ready ($DIR)"
    exit 0
  fi
  sleep 0.2
done
echo "dovecot: did not start listening within 10 s; see $DIR/dovecot.log" >&2
tail -n 20 "$DIR/dovecot.log" >&2 || true
exit 1
