#!/usr/bin/env bash
# Creates the Secrets the manifests reference and nothing commits: a random password per database owner role
# (kubernetes.io/basic-auth, as CloudNativePG wants them) and, for the production overlay, the object-store credentials
# of the PostgreSQL backups from the environment. Idempotent: an existing Secret is left as it is.
#   deploy/k8s/create-secrets.sh [namespace]            (default: runonce)
#   BACKUP_S3_ACCESS_KEY_ID=... BACKUP_S3_SECRET_ACCESS_KEY=... deploy/k8s/create-secrets.sh runonce
# Kafka credentials are not here: the Strimzi User Operator writes one Secret per KafkaUser.
# With a secret store (External Secrets, Sealed Secrets, Vault), create Secrets of the same names and keys instead.
set -euo pipefail
ns="${1:-runonce}"
kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
for role in catalog intake approval notification keycloak; do
  name="runonce-db-$role"
  if kubectl -n "$ns" get secret "$name" >/dev/null 2>&1; then
    echo "secret/$name exists, kept"
    continue
  fi
  kubectl -n "$ns" create secret generic "$name" --type=kubernetes.io/basic-auth \
    --from-literal=username="$role" --from-literal=password="$(openssl rand -base64 33 | tr -d '/+=' | cut -c1-32)"
done
# approval's runtime role (owns nothing; see base/postgres/cluster.yaml)
if ! kubectl -n "$ns" get secret runonce-db-approval-app >/dev/null 2>&1; then
  kubectl -n "$ns" create secret generic runonce-db-approval-app --type=kubernetes.io/basic-auth \
    --from-literal=username=approval_app --from-literal=password="$(openssl rand -base64 33 | tr -d '/+=' | cut -c1-32)"
fi
# the key approval's audit chain is keyed with (HMAC-SHA256); keep a copy outside the cluster: without it the
# trails cannot be verified. Rotating it: README "Rotating approval's audit chain key" (approval-audit-verify-keys).
if ! kubectl -n "$ns" get secret approval-audit-key >/dev/null 2>&1; then
  kubectl -n "$ns" create secret generic approval-audit-key \
    --from-literal=id="audit-$(date +%Y%m%d)" --from-literal=key="$(openssl rand -base64 48 | tr -d '\n')"
fi
# the key intake signs the applicants' rating links with (好差评 by SMS); a new key only ends the links already sent
if ! kubectl -n "$ns" get secret intake-rating-link-key >/dev/null 2>&1; then
  kubectl -n "$ns" create secret generic intake-rating-link-key --from-literal=key="$(openssl rand -base64 48 | tr -d '\n')"
fi
# the keys intake, notification and approval encrypt resident ID and phone numbers with (AES-256 key-encryption key and its id)
# and index them with (HMAC-SHA256); keep copies outside the cluster: without them the stored numbers are lost.
# Rotating the encryption key: keep the old one as RUNONCE_PERSONALDATA_PREVIOUSKEYS_<id> (ids: lower case letters and
# digits, as environment variables carry them), then put a new id and key here; old values stay readable.
for service in intake notification approval; do
  if ! kubectl -n "$ns" get secret "$service-personal-data-key" >/dev/null 2>&1; then
    kubectl -n "$ns" create secret generic "$service-personal-data-key" --from-literal=id="pd$(date +%Y%m%d)" \
      --from-literal=key="$(openssl rand -base64 32 | tr -d '\n')" --from-literal=index-key="$(openssl rand -base64 32 | tr -d '\n')"
  fi
done
if [ -n "${BACKUP_S3_ACCESS_KEY_ID:-}" ]; then
  kubectl -n "$ns" get secret runonce-backup-s3 >/dev/null 2>&1 || kubectl -n "$ns" create secret generic runonce-backup-s3 \
    --from-literal=ACCESS_KEY_ID="$BACKUP_S3_ACCESS_KEY_ID" --from-literal=ACCESS_SECRET_KEY="$BACKUP_S3_SECRET_ACCESS_KEY"
fi
