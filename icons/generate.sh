#!/bin/sh
# Renders icons/caseflow.svg into caseflow-{16..512}.png, caseflow.ico and caseflow.icns with the JDK
# alone (see io.caseflow.designer.icons.IconRenderer). Run from anywhere after editing the SVG:
#   icons/generate.sh
set -eu
root="$(cd "$(dirname "$0")/.." && pwd)"
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -d "$classes" "$root/designer-app/src/main/java/io/caseflow/designer/icons/IconRenderer.java"
java -Djava.awt.headless=true -cp "$classes" io.caseflow.designer.icons.IconRenderer "$root/icons"
