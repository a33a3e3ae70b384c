#!/usr/bin/env bash
# The company start-up journey (公司设立一件事) against a running `./runonce start`, through the gateway only:
# the portal reads the bundle's form from the catalog; submit with one key material missing -> one one-time notice; supplement -> accepted with receipt; SAMR's
# department system receives the signed case-opened webhook; SAMR approves the licence -> the four waiting cases
# start with it attached (the reviewer reads the form in the case file first); every department approves; completed,
# delivered by post, rated; visits 0; the licence, from the wallet, reused in a later application.
# Needs bash, curl and python3. Usage: deploy/demo/journey.sh   (GATEWAY / KEYCLOAK override the URLs)
set -euo pipefail

GATEWAY=${GATEWAY:-http://localhost:8080}
KEYCLOAK=${KEYCLOAK:-http://localhost:8180}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'kill $RECEIVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# json <expression over d> : reads JSON on stdin, prints a Python expression over it (d is the parsed document)
json() { python3 -c "import json,sys; d=json.load(sys.stdin); r=($1); print(r if isinstance(r,str) else json.dumps(r, ensure_ascii=False))"; }
token() {
  curl -sf -d grant_type=password -d client_id=runonce-cli -d username="$1" -d password=runonce \
    "$KEYCLOAK/realms/runonce/protocol/openid-connect/token" | json 'd["access_token"]'
}
system_token() {
  curl -sf -d grant_type=client_credentials -d client_id="$1" -d client_secret="$1-secret" \
    "$KEYCLOAK/realms/runonce/protocol/openid-connect/token" | json 'd["access_token"]'
}
# call METHOD PATH TOKEN [JSON]: prints the body, fails loudly on an unexpected status
call() {
  local method=$1 path=$2 auth=$3 body=${4:-}
  local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $auth"
              -H "Idempotency-Key: $(python3 -c 'import uuid; print(uuid.uuid4())')")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  local status; status=$(curl "${args[@]}" "$GATEWAY$path")
  if [ "${status:0:1}" != 2 ]; then echo "!! $method $path -> $status: $(cat "$WORK/body")" >&2; exit 1; fi
  cat "$WORK/body"
}
upload() { # upload TOKEN CODE -> {"code":..., "documentId":...}
  printf '%%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%%%EOF\n' > "$WORK/$2.pdf"
  local id; id=$(curl -sf -H "Authorization: Bearer $1" -F "file=@$WORK/$2.pdf;type=application/pdf" \
    "$GATEWAY/api/intake/documents" | json 'd["id"]')
  printf '{"code":"%s","documentId":"%s"}' "$2" "$id"
}
approve() { # approve TOKEN CASE BODY: start review, advance to the decision step, approve
  local actions
  for _ in 1 2 3 4 5 6; do
    actions=$(call GET "/api/approval/cases/$2" "$1" | json '" ".join(d["actions"])')
    case " $actions " in
      *" approve "*) call POST "/api/approval/cases/$2/approve" "$1" "$3" | json 'd["status"]+" "+str(d["decision"].get("certificateNumber"))'; return ;;
      *" start-review "*) call POST "/api/approval/cases/$2/start-review" "$1" >/dev/null ;;
      *) call POST "/api/approval/cases/$2/advance" "$1" >/dev/null ;;
    esac
  done
  echo "!! case $2 did not reach its decision step" >&2; exit 1
}
wait_for() { # wait_for SECONDS COMMAND...: retries until the command succeeds
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do [ $SECONDS -lt $deadline ] || { echo "!! gave up waiting: $*" >&2; exit 1; }; sleep 1; done
}

step "SAMR's department system subscribes to its cases (webhook receiver on this machine, HMAC checked)"
SECRET=demo-webhook-secret-$RANDOM$RANDOM
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 "$HERE/receiver.py" "$PORT" "$SECRET" > "$WORK/webhooks.log" &
RECEIVER=$!
SAMR_SYSTEM=$(system_token samr-system)
SUBSCRIPTION=$(call POST /api/notifications/subscriptions "$SAMR_SYSTEM" \
  "{\"callbackUrl\":\"http://127.0.0.1:$PORT/events\",\"eventTypes\":[\"org.runonce.approval.case.*\"],\"secret\":\"$SECRET\"}" \
  | json 'd["id"]')
echo "subscription $SUBSCRIPTION -> http://127.0.0.1:$PORT/events"

step "0. the portal fetches the bundle's one application form from the catalog (JSON Schema, no token)"
curl -sf "$GATEWAY/api/catalog/bundles/company-startup/form" | json '"; ".join(
  n + ("*" if n in d["required"] else "") + " " + d["properties"][n]["x-title"]["zh"] for n in d["x-order"])'

step "1. zhang.san submits the company start-up bundle online, without the articles of association"
ZHANG=$(token zhang.san)
MATERIALS=""
for code in COMPANY_REGISTRATION_APPLICATION ID_CARD PREMISES_PROOF OFFICER_APPOINTMENTS \
            SEAL_ENGRAVING_APPLICATION FINANCE_OFFICER_ID EMPLOYEE_LIST; do
  MATERIALS="$MATERIALS${MATERIALS:+,}$(upload "$ZHANG" $code)"
done
FORM='{"companyName":"杭州一次科技有限公司","registeredCapitalYuan":1000000,"businessScope":"软件开发","registeredAddress":"杭州市西湖区文三路1号","legalRepresentativeName":"张三","sealCount":2,"employeeCount":5}'
# online the applicant is zhang.san's verified identity (实名认证) from the token: name and ID number are not sent
APPLICANT='{"type":"NATURAL_PERSON","locale":"zh-CN","email":"zhang.san@example.com"}'
call POST /api/intake/applications "$ZHANG" \
  "{\"bundleCode\":\"company-startup\",\"applicant\":$APPLICANT,\"form\":$FORM,\"materials\":[$MATERIALS]}" > "$WORK/app.json"
NUMBER=$(json 'd["number"]' < "$WORK/app.json")
json '"application "+d["number"]+": "+d["status"]+"; one-time notice "+d["notices"][0]["number"]+" lists "+", ".join(i["materialCode"] for i in d["notices"][0]["items"])' < "$WORK/app.json"
inbox() { call GET /api/notifications/inbox "$ZHANG" | json "[n['title'] for n in d if n['applicationNumber']=='$NUMBER']"; }
has_notice() { inbox | grep -q "$1"; }
wait_for 60 has_notice "$NUMBER"
echo "inbox: $(inbox)   (mails: GreenMail on localhost:3025, also in .runonce/logs/notification-service.log)"

step "2. the missing material supplemented -> accepted, receipt and promised date"
call POST "/api/intake/applications/$NUMBER/supplements" "$ZHANG" "{\"materials\":[$(upload "$ZHANG" ARTICLES_OF_ASSOCIATION)]}" \
  | json 'd["status"]+", promised by "+d["acceptance"]["promisedCompletionDate"]+", receipt "+d["acceptance"]["receiptPath"]+", cases: "+", ".join(c["caseNumber"]+" "+c["departmentCode"] for c in d["cases"])'

step "3. SAMR's system receives the signed case-opened CloudEvent"
opened() { grep -q "case.opened.v1 $NUMBER-01 SAMR signature=valid" "$WORK/webhooks.log"; }
wait_for 60 opened
grep "$NUMBER" "$WORK/webhooks.log"

step "4. SAMR's reviewer reads the case file (the form as filed, the materials, the certificate prefilled from the form)"
call GET "/api/approval/cases/$NUMBER-01/file" "$(token reviewer.samr)" \
  | json '"  company "+str(d["acceptance"]["form"].get("companyName"))+", capital "+str(d["acceptance"]["form"].get("registeredCapitalYuan"))+" yuan; "+str(len(d["materials"]))+" materials; certificate draft for "+str((d.get("certificateDraft") or {}).get("holderName"))'

step "   SAMR approves the licence; the four waiting cases start with it attached; each department approves"
approve "$(token reviewer.samr)" "$NUMBER-01" \
  '{"reason":"材料齐全，符合法定形式","certificate":{"holderName":"杭州一次科技有限公司","content":{"companyName":"杭州一次科技有限公司"}}}'
for dept in 02:psb 03:tax 04:hrss 05:hsa; do
  REVIEWER=$(token "reviewer.${dept#*:}")
  call GET "/api/approval/cases/$NUMBER-${dept%%:*}" "$REVIEWER" \
    | json '"  "+d["number"]+" "+d["departmentCode"]+" "+d["status"]+", attached: "+", ".join(str(m.get("certificateNumber")) for m in d["materials"] if m.get("certificateNumber"))'
  approve "$REVIEWER" "$NUMBER-${dept%%:*}" '{"reason":"符合条件"}'
done

step "5. completed, delivered by post, rated"
completed() { call GET "/api/intake/applications/$NUMBER" "$ZHANG" | json 'd["status"]' | grep -q COMPLETED; }
wait_for 60 completed
call POST "/api/intake/applications/$NUMBER/delivery" "$(token clerk.wang)" \
  '{"method":"MAIL","trackingNumber":"EMS1234567890CN","address":"杭州市西湖区文三路1号"}' | json '"delivery: "+d["delivery"]["method"]'
call POST "/api/intake/applications/$NUMBER/evaluation" "$ZHANG" '{"rating":5,"comment":"一次都没跑"}' \
  | json '"rated "+str(d["evaluation"]["rating"])'

step "6. visits"
call GET "/api/intake/applications/$NUMBER" "$ZHANG" | json '"visits: "+str(d["visits"])+" (online: the applicant never came in)"'
sleep 3
echo "inbox: $(inbox)"
echo "webhooks received by SAMR's system:"; grep "$NUMBER" "$WORK/webhooks.log"

step "7. the licence is in zhang.san's wallet (我的证照); reused by its number alone in a later application (seal engraving)"
LICENCE=$(call GET /api/intake/certificates "$ZHANG" | json '[c["certificateNumber"] for c in d if c["certificateType"]=="BUSINESS_LICENCE"][0]')
echo "wallet: $LICENCE, printable at /api/intake/certificates/$LICENCE/document"
call POST /api/intake/applications "$ZHANG" \
  "{\"itemCode\":\"psb-seal-engraving\",\"applicant\":$APPLICANT,\"form\":{\"sealCount\":1},\"materials\":[$(upload "$ZHANG" SEAL_ENGRAVING_APPLICATION),$(upload "$ZHANG" ID_CARD),{\"code\":\"BUSINESS_LICENCE\",\"certificateNumber\":\"$LICENCE\"}]}" \
  | json '"application "+d["number"]+": "+d["status"]+" (the licence verified from the wallet, no upload)"'
call DELETE "/api/notifications/subscriptions/$SUBSCRIPTION" "$SAMR_SYSTEM" >/dev/null
step "done: $NUMBER"
