// Validates CloudNativePG objects with the validators @kubernetes-models/cloudnative-pg compiled from the CRDs' schemas
// (types, enums, formats, required fields). Reads a JSON array of objects on stdin, writes one array of messages per
// object on stdout. Field names are checked in Java (Schemas.cnpg): these validators let unknown fields through.
import { Cluster } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster";
import { ScheduledBackup } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup";

const KINDS = { Cluster, ScheduledBackup };
let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = JSON.parse(input).map((object) => {
  const Kind = KINDS[object.kind];
  if (!Kind) return [`no validator for ${object.kind}`];
  try {
    new Kind(object).validate();
    return [];
  } catch (e) {
    return String(e.message).split("\n").filter((line) => line.trim() !== "");
  }
});
process.stdout.write(JSON.stringify(results));
