#!/bin/sh
# Builds a deterministic one-layer OCI image layout: mkoci.sh OUT TAG (from shared clients.md §3).
set -eu; OUT=$1; TAG=${2:-v1}; WORK=$(mktemp -d)
mkdir -p "$WORK/rootfs" "$OUT/blobs/sha256"
echo "hello from a hand-made OCI image" > "$WORK/rootfs/hello.txt"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$WORK/rootfs" -cf "$WORK/layer.tar" .
DIFF_ID=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
gzip -n -9 -c "$WORK/layer.tar" > "$WORK/layer.tar.gz"
LAYER=$(sha256sum "$WORK/layer.tar.gz" | cut -d' ' -f1); LSIZE=$(stat -c %s "$WORK/layer.tar.gz")
cp "$WORK/layer.tar.gz" "$OUT/blobs/sha256/$LAYER"
printf '{"architecture":"amd64","os":"linux","config":{"Cmd":["/hello.txt"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' "$DIFF_ID" > "$WORK/config.json"
CFG=$(sha256sum "$WORK/config.json" | cut -d' ' -f1); CSIZE=$(stat -c %s "$WORK/config.json"); cp "$WORK/config.json" "$OUT/blobs/sha256/$CFG"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' "$CFG" "$CSIZE" "$LAYER" "$LSIZE" > "$WORK/manifest.json"
MAN=$(sha256sum "$WORK/manifest.json" | cut -d' ' -f1); MSIZE=$(stat -c %s "$WORK/manifest.json"); cp "$WORK/manifest.json" "$OUT/blobs/sha256/$MAN"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"%s"}}]}' "$MAN" "$MSIZE" "$TAG" > "$OUT/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' > "$OUT/oci-layout"; rm -rf "$WORK"; echo "sha256:$MAN"
