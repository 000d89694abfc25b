#!/usr/bin/env python3
"""Derives Moat's validation tables from Azure's published OpenAPI specs.

Run at development time (never at run time):

    python3 tools/spec-tables/generate.py [SPEC_DIR]

SPEC_DIR defaults to ../shared/reference/specs (relative to the repository root). For every
resource type Moat serves, it walks the PUT body schema of the type's api-version, follows
$refs across the spec files, and writes one reviewable TSV per type into the owning module's
src/main/resources/dev/moat/spec/<Namespace>/<type>.tsv, read by dev.moat.arm.validation.SpecTable.

Row format (tab-separated): PATH KIND VALUE [ORIGIN]
  PATH   properties.subnets[].name  ([] = array items, {} = map values)
  KIND   type | required | readOnly | enum (closed; values split by |) | values (open enum: documents, never rejects)
         | minimum | maximum | minLength | maxLength | pattern | minItems | maxItems | format
  ORIGIN absent = the spec; "rp:<source>" = a documented RP rule from overlay.tsv on top of it
Header rows: "@name MIN,MAX REGEX TEXT" (naming rule), "@location required|optional regional|global".
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC_DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "..", "shared", "reference", "specs")
if not os.path.isdir(SPEC_DIR):
    SPEC_DIR = "/work/shared/reference/specs"
MAX_DEPTH = 7

# file names the specs $ref, mapped to the saved copies
FILES = {
    "network.json": "Microsoft.Network_2026-01-01_network.json",
    "virtualNetwork.json": "Microsoft.Network_2026-01-01_virtualNetwork.json",
    "privateEndpoint.json": "Microsoft.Network_2026-01-01_privateEndpoint.json",
    "networkInterface.json": "Microsoft.Network_2026-01-01_networkInterface.json",
    "v3/types.json": "common-types/common-types_resource-management_v3_types.json",
    "v4/types.json": "common-types/common-types_resource-management_v4_types.json",
    "v6/types.json": "common-types/common-types_resource-management_v6_types.json",
}

# (type, module, spec file, PUT path suffix, naming-table row, location rule)
TYPES = [
    ("Microsoft.Resources/resourceGroups", "moat-resources", "Microsoft.Resources_2025-04-01_resources.json",
     "/resourcegroups/{resourceGroupName}", "Microsoft.Resources/resourcegroups", "required regional"),
    ("Microsoft.Network/virtualNetworks", "moat-network", "Microsoft.Network_2026-01-01_virtualNetwork.json",
     "/virtualNetworks/{virtualNetworkName}", "Microsoft.Network/virtualNetworks", "required regional"),
    ("Microsoft.Network/virtualNetworks/subnets", "moat-network", "Microsoft.Network_2026-01-01_virtualNetwork.json",
     "/subnets/{subnetName}", "Microsoft.Network virtualNetworks/subnets", None),
    ("Microsoft.Network/privateEndpoints", "moat-network", "Microsoft.Network_2026-01-01_privateEndpoint.json",
     "/privateEndpoints/{privateEndpointName}", "Microsoft.Network/privateEndpoints", "required regional"),
    ("Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "moat-network", "Microsoft.Network_2026-01-01_privateEndpoint.json",
     "/privateDnsZoneGroups/{privateDnsZoneGroupName}", None, None),
    ("Microsoft.Network/networkInterfaces", "moat-network", "Microsoft.Network_2026-01-01_networkInterface.json",
     "/networkInterfaces/{networkInterfaceName}", "Microsoft.Network/networkInterfaces", "required regional"),
    ("Microsoft.Network/privateDnsZones", "moat-privatedns", "Microsoft.Network.PrivateDns_2024-06-01_privatedns.json",
     "/privateDnsZones/{privateZoneName}", None, "required global"),
    ("Microsoft.Network/privateDnsZones/virtualNetworkLinks", "moat-privatedns", "Microsoft.Network.PrivateDns_2024-06-01_privatedns.json",
     "/virtualNetworkLinks/{virtualNetworkLinkName}", "Microsoft.Network privateDnsZones/virtualNetworkLinks", "required global"),
    ("Microsoft.ManagedIdentity/userAssignedIdentities", "moat-identity", "Microsoft.ManagedIdentity_2026-05-31_ManagedIdentity.json",
     "/userAssignedIdentities/{resourceName}", "Microsoft.ManagedIdentity/userAssignedIdentities", "required regional"),
    ("Microsoft.Authorization/roleAssignments", "moat-identity", "Microsoft.Authorization_2026-08-01_authorization-RoleAssignmentsCalls.json",
     "/roleAssignments/{roleAssignmentName}", "Microsoft.Authorization/roleAssignments", None),
    ("Microsoft.Authorization/roleDefinitions", "moat-identity", "Microsoft.Authorization_2022-04-01_authorization-RoleDefinitionsCalls.json",
     "/roleDefinitions/{roleDefinitionId}", "Microsoft.Authorization/roleDefinitions", None),
    ("Microsoft.ContainerRegistry/registries", "moat-containerregistry", "Microsoft.ContainerRegistry_2025-11-01_containerregistry.json",
     "/registries/{registryName}", "Microsoft.ContainerRegistry/registries", "required regional"),
    ("Microsoft.ContainerRegistry/registries/cacheRules", "moat-containerregistry", "Microsoft.ContainerRegistry_2025-11-01_containerregistry.json",
     "/cacheRules/{cacheRuleName}", None, None),
    ("Microsoft.ContainerRegistry/registries/credentialSets", "moat-containerregistry", "Microsoft.ContainerRegistry_2025-11-01_containerregistry.json",
     "/credentialSets/{credentialSetName}", None, None),
    ("Microsoft.ContainerService/managedClusters", "moat-containerservice", "Microsoft.ContainerService_2026-10-01_managedClusters.json",
     "/managedClusters/{resourceName}", "Microsoft.ContainerService/managedClusters", "required regional"),
    ("Microsoft.ContainerService/managedClusters/agentPools", "moat-containerservice", "Microsoft.ContainerService_2026-10-01_managedClusters.json",
     "/agentPools/{agentPoolName}", None, None),
] + [
    ("Microsoft.Network/privateDnsZones/" + t, "moat-privatedns", "Microsoft.Network.PrivateDns_2024-06-01_privatedns.json",
     "/{recordType}/{relativeRecordSetName}", None, None)
    for t in ["A", "AAAA", "CNAME", "MX", "PTR", "SOA", "SRV", "TXT"]
]

# The naming table's "Valid characters" texts as regular expressions (lengths come from the table).
CHARACTER_RULES = {
    "Alphanumerics, underscores, periods, and hyphens. Start with alphanumeric. End alphanumeric or underscore.":
        r"^[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$",
    "same as virtualNetworks": r"^[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9_])?$",
    "Alphanumerics, hyphens, and underscores. Start with letter or number.": r"^[a-zA-Z0-9][a-zA-Z0-9_-]*$",
    "Must be a globally unique identifier (GUID).":
        r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    "Alphanumerics.": r"^[a-zA-Z0-9]*$",
    "Alphanumerics, underscores, and hyphens. Start and end with alphanumeric.":
        r"^[a-zA-Z0-9]([a-zA-Z0-9_-]*[a-zA-Z0-9])?$",
    "Underscores, hyphens, periods, parentheses, and letters or digits as defined by Char.IsLetterOrDigit. Can't end with period.":
        r"^[-\w._()]*[-\w_()]$",
}


def naming_table():
    rows = {}
    text = open(os.path.join(SPEC_DIR, "README.md"), encoding="utf-8").read()
    section = text.split("## Naming rules table", 1)[1]
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and re.match(r"^\d", cells[2]):
            m = re.match(r"^(\d+)(?:-(\d+))?", cells[2])
            lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
            rows[cells[0]] = (lo, hi, cells[3])
    return rows


class Specs:
    def __init__(self):
        self.docs = {}

    def doc(self, name):
        if name not in self.docs:
            path = os.path.join(SPEC_DIR, name)
            self.docs[name] = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else None
        return self.docs[name]

    def resolve(self, ref, current):
        """(schema, file, definition name) for a $ref seen in file `current`; schema None if unsaved."""
        file_part, _, pointer = ref.partition("#")
        name = current
        if file_part:
            base = os.path.basename(file_part)
            key = "/".join(file_part.split("/")[-2:]) if base == "types.json" else base
            name = FILES.get(key)
            if name is None:
                return None, None, pointer.split("/")[-1]
        doc = self.doc(name)
        if doc is None:
            return None, None, pointer.split("/")[-1]
        node = doc
        for part in pointer.strip("/").split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return node, name, pointer.split("/")[-1]


def flatten(specs, schema, file, seen):
    """Merges allOf parents into one (properties, required, readOnly-set) view."""
    props, required = {}, set()
    for parent in schema.get("allOf", []):
        if "$ref" in parent:
            node, pfile, _ = specs.resolve(parent["$ref"], file)
            if node is not None:
                p, r = flatten(specs, node, pfile, seen)
                props.update(p)
                required |= r
        else:
            p, r = flatten(specs, parent, file, seen)
            props.update(p)
            required |= r
    for k, v in schema.get("properties", {}).items():
        props[k] = (v, file)
    required |= set(schema.get("required", []))
    return props, required


def walk(specs, schema, file, path, rows, stack, depth):
    if "$ref" in schema:
        node, nfile, dname = specs.resolve(schema["$ref"], file)
        if node is None:
            rows.append((path, "type", "object"))  # defined in a file Azure did not let us save
            return
        if (nfile, dname) in stack or depth > MAX_DEPTH:
            rows.append((path, "type", node.get("type", "object")))
            return
        extra = {k: v for k, v in schema.items() if k != "$ref"}
        walk(specs, {**node, **extra}, nfile, path, rows, stack | {(nfile, dname)}, depth + 1)
        return
    if schema.get("readOnly"):
        rows.append((path, "readOnly", "true"))
        return
    kind = schema.get("type")
    if kind is None and ("properties" in schema or "allOf" in schema):
        kind = "object"
    if kind:
        rows.append((path, "type", kind))
    if schema.get("format") in ("uuid", "int32", "int64", "date-time", "uri", "arm-id", "ipv4"):
        rows.append((path, "format", schema["format"]))
    if "enum" in schema:
        open_enum = schema.get("x-ms-enum", {}).get("modelAsString", True)
        rows.append((path, "values" if open_enum else "enum", "|".join(str(e) for e in schema["enum"])))
    for key in ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems"):
        if key in schema:
            rows.append((path, key, str(schema[key])))
    if "pattern" in schema:
        rows.append((path, "pattern", schema["pattern"]))
    if kind == "array" and "items" in schema:
        walk(specs, schema["items"], file, path + "[]", rows, stack, depth + 1)
    if isinstance(schema.get("additionalProperties"), dict):
        walk(specs, schema["additionalProperties"], file, path + "{}", rows, stack, depth + 1)
    if kind == "object" or "allOf" in schema:
        props, required = flatten(specs, schema, file, stack)
        for name in sorted(props):
            sub, sfile = props[name]
            child = (path + "." if path else "") + name
            if name in required and not sub.get("readOnly"):
                rows.append((child, "required", "true"))
            walk(specs, sub, sfile, child, rows, stack, depth + 1)


def overlay():
    rules = {}
    for line in open(os.path.join(os.path.dirname(__file__), "overlay.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            type_, path, kind, value, origin = line.rstrip("\n").split("\t")
            rules.setdefault(type_, []).append((path, kind, value, "rp:" + origin))
    return rules


def main():
    specs = Specs()
    names = naming_table()
    extra = overlay()
    counts = []
    for type_, module, spec, suffix, naming, location in TYPES:
        doc = specs.doc(spec)
        path_key = next(p for p, ops in doc["paths"].items()
                        if p.lower().endswith(suffix.lower()) and "put" in ops)
        put = doc["paths"][path_key]["put"]
        params = []
        for p in put["parameters"]:
            if "$ref" in p:
                node, _, _ = specs.resolve(p["$ref"], spec)
                p = node or {}
            params.append(p)
        name_param = [p for p in params if p.get("in") == "path"][-1]
        body = next(p for p in params if p.get("in") == "body")
        rows = []
        walk(specs, body["schema"], spec, "", rows, frozenset(), 0)
        rows = [(p, k, v, "") for p, k, v in rows if p]
        header = [f"# {type_}: PUT body of {path_key} in {spec} (api-version {spec.split('_')[1]}).",
                  "# Generated by tools/spec-tables/generate.py from Azure's OpenAPI spec; do not edit."]
        if naming and naming in names:
            lo, hi, text = names[naming]
            regex = CHARACTER_RULES[text]
            header.append(f"@name\t{lo},{hi}\t{regex}\tnaming-table: {text}")
        elif "pattern" in name_param or "maxLength" in name_param:
            header.append("@name\t{},{}\t{}\tspec: {} parameter".format(
                name_param.get("minLength", 1), name_param.get("maxLength", 0),
                name_param.get("pattern", ".*"), name_param["name"]))
        if location:
            header.append("@location\t" + location.replace(" ", "\t"))
        rows += extra.get(type_, [])
        out_dir = os.path.join(ROOT, module, "src/main/resources/dev/moat/spec", type_.split("/")[0])
        os.makedirs(out_dir, exist_ok=True)
        out = os.path.join(out_dir, ".".join(type_.split("/")[1:]) + ".tsv")
        with open(out, "w", encoding="utf-8") as f:
            f.write("\n".join(header) + "\n")
            for p, k, v, o in rows:
                f.write("\t".join([p, k, v] + ([o] if o else [])) + "\n")
        enforced = sum(1 for r in rows if r[1] not in ("type", "values", "readOnly", "format"))
        counts.append((type_, len(rows), enforced))
    for t, n, e in counts:
        print(f"{t}\t{n} rows\t{e} enforced constraints")


if __name__ == "__main__":
    main()
