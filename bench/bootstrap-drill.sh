#!/usr/bin/env bash
# Production bootstrap drill (issue 15 pt 8), end to end on a fresh PostgreSQL database with the prod profile:
# the one-time command creates the first security administrator and prints an activation code; a second run refuses;
# the app starts, the administrator activates, signs in, is held to second-factor enrolment (everything else 403),
# enrols TOTP, signs in with password + code and reads the accounts console.
# Needs: a built jar (./mvnw -DskipTests package), PostgreSQL on 127.0.0.1 (trust), python3, curl, openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(ls target/zhibu-*.jar | head -1)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
DB=zhibu_bootstrap_drill
PORT=${PORT:-8093}
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"; createdb -h 127.0.0.1 -U postgres "$DB"
export ZHIBU_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB ZHIBU_DB_USER=postgres ZHIBU_DB_PASSWORD=x
export ZHIBU_CRYPTO_DATA_KEY=$(openssl rand -hex 16) ZHIBU_CRYPTO_INDEX_KEY=$(openssl rand -hex 32) ZHIBU_CRYPTO_AUDIT_KEY=$(openssl rand -hex 32)
LOG=$(mktemp)
"$JAVA" -jar "$JAR" --spring.profiles.active=prod --zhibu.bootstrap.security-admin=secadmin > "$LOG" 2>&1
CODE=$(grep -o "shown only now): [A-Z0-9-]*" "$LOG" | awk '{print $NF}')
[ -n "$CODE" ] || { echo "FAIL: no activation code printed"; exit 1; }
if "$JAVA" -jar "$JAR" --spring.profiles.active=prod --zhibu.bootstrap.security-admin=other > "$LOG" 2>&1; then
  echo "FAIL: a second bootstrap was accepted"; exit 1; fi
grep -q "already exists" "$LOG" && echo "ok: second bootstrap refused"
"$JAVA" -jar "$JAR" --spring.profiles.active=prod --server.port=$PORT > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"' EXIT
for i in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
json() { python3 -c "import json,sys;print(json.load(sys.stdin)$1)"; }
totp() { python3 - "$1" <<'PY'
import hmac,hashlib,struct,time,base64,sys
s=sys.argv[1]; k=base64.b32decode(s+'='*((8-len(s)%8)%8)); c=int(time.time())//30
h=hmac.new(k,struct.pack('>Q',c),hashlib.sha1).digest(); o=h[-1]&15
print('%06d'%((struct.unpack('>I',h[o:o+4])[0]&0x7fffffff)%1000000))
PY
}
API=localhost:$PORT/api/v1
curl -sf -X POST $API/auth/activate -H 'Content-Type: application/json' \
  -d "{\"login\":\"secadmin\",\"activationCode\":\"$CODE\",\"newPassword\":\"Sec#Admin2026x\"}" >/dev/null
T=$(curl -sf -X POST $API/auth/login -H 'Content-Type: application/json' -d '{"username":"secadmin","password":"Sec#Admin2026x"}' | json "['token']")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $T" "$API/accounts")" = 403 ] && echo "ok: held to enrolment"
SECRET=$(curl -sf -X POST -H "Authorization: Bearer $T" $API/me/mfa | json "['secret']")
curl -sf -X POST -H "Authorization: Bearer $T" -H 'Content-Type: application/json' $API/me/mfa/confirm \
  -d "{\"code\":\"$(totp "$SECRET")\"}" >/dev/null && echo "ok: enrolled"
M=$(curl -sf -X POST $API/auth/login -H 'Content-Type: application/json' -d '{"username":"secadmin","password":"Sec#Admin2026x"}' | json "['mfaToken']")
sleep 31 # the next 30-second step: a code already used may not be accepted twice
T2=$(curl -sf -X POST $API/auth/mfa -H 'Content-Type: application/json' -d "{\"mfaToken\":\"$M\",\"code\":\"$(totp "$SECRET")\"}" | json "['token']")
TOTAL=$(curl -sf -H "Authorization: Bearer $T2" "$API/accounts?size=5" | json "['total']")
[ "$TOTAL" = 1 ] && echo "ok: console reachable with password + second factor; 1 account"
echo "bootstrap drill passed"
