#!/usr/bin/env bash
# Checks what 'xl-network identities' produces, against the CAs it runs: every wallet identity's
# certificate chains to its organisation's CA root, carries the registration type as OU and exactly
# the xl.* attributes it was registered with, and its private key belongs to its certificate; node TLS
# certificates name 127.0.0.1; the connection profile lists every peer, orderer and CA.
# Brings the identities up itself (idempotent; needs 'network/xl-network install' first) and leaves
# them running. Prints one line per check and closes with "N passed, M failed".
set -euo pipefail

NET_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${XL_NETWORK_STATE:-$NET_DIR/.state}
passed=0
failed=0

check() { # description, command...
  local what=$1
  shift
  if "$@" >/dev/null 2>&1; then
    passed=$((passed + 1))
    echo "ok   $what"
  else
    failed=$((failed + 1))
    echo "FAIL $what"
  fi
}

attrs_of() { # wallet file -> the attribute JSON in the certificate (Fabric CA extension)
  jq -r .credentials.certificate "$1" | openssl x509 -noout -text |
    grep -A1 '1.2.3.4.5.6.7.8.1' | tail -n 1 | sed 's/^ *//' | sed 's/^[^{]*//'
}

has_attrs() { # wallet file, role, region, party ("" = absent)
  local json
  json=$(attrs_of "$1")
  [[ $(jq -r '.attrs["xl.role"] // ""' <<<"$json") == "$2" ]] &&
    [[ $(jq -r '.attrs["xl.region"] // ""' <<<"$json") == "$3" ]] &&
    [[ $(jq -r '.attrs["xl.party"] // ""' <<<"$json") == "$4" ]]
}

chains_to() { # wallet file, org key
  openssl verify -CAfile "$STATE/ca/$2/ca-cert.pem" <(jq -r .credentials.certificate "$1")
}

key_matches() { # wallet file
  [[ $(jq -r .credentials.certificate "$1" | openssl x509 -noout -pubkey) == \
    $(jq -r .credentials.privateKey "$1" | openssl pkey -pubout) ]]
}

ou_is() { # wallet file, ou
  jq -r .credentials.certificate "$1" | openssl x509 -noout -subject -nameopt multiline | grep -qx "    organizationalUnitName    = $2"
}

msp_is() { [[ $(jq -r .mspId "$1") == "$2" ]]; }

"$NET_DIR/xl-network" identities >/dev/null

while IFS='|' read -r label org msp ou role region party; do
  f=$STATE/wallet/$label.id
  check "$label: wallet file exists, mode 600" test "$(stat -c %a "$f")" = 600
  check "$label: MSP id $msp" msp_is "$f" "$msp"
  check "$label: certificate chains to ca-$org" chains_to "$f" "$org"
  check "$label: OU $ou" ou_is "$f" "$ou"
  check "$label: private key belongs to the certificate" key_matches "$f"
  check "$label: attributes role='$role' region='$region' party='$party'" has_attrs "$f" "$role" "$region" "$party"
done <<'EOF'
county-regulator|county|CountyOrgMSP|client|regulator|520122000000|R-520122-0001
county-officer|county|CountyOrgMSP|client|county|520122000000|C-520122-0001
county-auditor|county|CountyOrgMSP|client|auditor|520122000000|J-520122-0001
county-admin|county|CountyOrgMSP|admin|admin|520122000000|A-520122-0001
township-station|township|TownshipOrgMSP|client|township|520122100000|T-520122100-0001
township-admin|township|TownshipOrgMSP|admin|admin|520122100000|A-520122100-0001
coop-admin|coop|CoopOrgMSP|admin|admin|520122100000|A-520122100-0002
producer1|coop|CoopOrgMSP|client|producer|520122100201|P-520122-0001
producer2|coop|CoopOrgMSP|client|producer|520122100202|P-520122-0002
coop-plain|coop|CoopOrgMSP|client|||
orderer-admin|orderer|OrdererOrgMSP|admin|||
EOF

for node in orderer/orderer1.orderer.xianglian orderer/orderer2.orderer.xianglian orderer/orderer3.orderer.xianglian \
  county/peer0.county.xianglian township/peer0.township.xianglian coop/peer0.coop.xianglian; do
  dir=$STATE/orgs/${node%%/*}/nodes/${node#*/}
  check "${node#*/}: TLS certificate chains to its org's CA" openssl verify -CAfile "$dir/tls/ca.crt" "$dir/tls/server.crt"
  check "${node#*/}: TLS certificate names 127.0.0.1" \
    bash -c "openssl x509 -in '$dir/tls/server.crt' -noout -ext subjectAltName | grep -q 'IP Address:127.0.0.1'"
  check "${node#*/}: MSP has NodeOUs config.yaml and one signing key" \
    bash -c "grep -q 'Enable: true' '$dir/msp/config.yaml' && test -s '$dir/msp/keystore/priv_sk'"
done

profile=$STATE/connection.json
check "connection profile: 3 peers, 3 orderers, 4 CAs, channel xifeng" \
  jq -e '(.peers | length) == 3 and (.orderers | length) == 3 and (.certificateAuthorities | length) == 4
    and .channel == "xifeng" and .chaincode == "xianglian"' "$profile"
check "connection profile: peers' TLS roots are their orgs' CA roots" \
  bash -c "diff <(jq -j '.peers[] | select(.mspId == \"CoopOrgMSP\") | .tlsCaCertPem' '$profile') '$STATE/ca/coop/ca-cert.pem'"
check "every CA listens on 127.0.0.1 only" \
  bash -c "! ss -ltn | grep -E ':(7054|7154|7254|7354|17054|17154|17254|17354) ' | awk '{print \$4}' | grep -v '^127.0.0.1:'"

echo "$passed passed, $failed failed"
((failed == 0))
