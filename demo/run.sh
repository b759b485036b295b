#!/bin/sh
# ShareGuard's main job on the bundled demo data (synthetic people): load the demo register
# (demo/register/*.csv) into a fresh demo database, then check every demo document as if it
# were about to be sent to the Kent children's services front door as a child-protection
# referral. Exit status: the most severe decision (SPEC: 0 allow, 3 redact, 4 review, 5 block,
# 1 a document could not be read completely).
set -e
cd "$(dirname "$0")/.."
SHAREGUARD="${SHAREGUARD:-.venv/bin/shareguard}"
REGISTER=var/demo-register.sqlite3
mkdir -p var && rm -f "$REGISTER"
for kind in people consents agreements; do
    "$SHAREGUARD" --register "$REGISTER" register import "$kind" "demo/register/$kind.csv"
done
exec "$SHAREGUARD" --register "$REGISTER" check demo/documents/ \
    --to "${TO:-kent-front-door}" --purpose "${PURPOSE:-child-protection-referral}" --no-consent-reason prejudice
