#!/usr/bin/env bash
# Prints the gzip size of the JavaScript a page makes the browser load (modulepreload links).
# Usage: scripts/js-weight.sh URL [cookie-jar]
url=$1; jar=${2:-/dev/null}
files=$(curl -s -b "$jar" -I "$url" | tr -d '\r' | grep -i '^link:' | grep -o '_app/[^>]*\.js' | sort -u)
total=0; for f in $files; do total=$((total + $(gzip -9 -c "build/client/$f" | wc -c))); done
echo "$url: $total bytes gzip in $(echo "$files" | wc -w) files"
