#!/usr/bin/env bash
# Writes docs/packages.md: each public package's packed and unpacked size and
# its runtime dependencies, from the tarballs `pnpm pack` makes. Run after `pnpm build`.
set -euo pipefail
cd "$(dirname "$0")/.."
packs=$(mktemp -d)
trap 'rm -rf "$packs"' EXIT
{
  echo '# Packages'
  echo
  echo "Sizes of the published tarballs (\`bash tools/package-sizes.sh\` after \`pnpm build\`; $(date -u +%Y-%m-%d))."
  echo 'Unpacked is the package alone; its dependencies are listed, not counted.'
  echo
  echo '| package | packed | unpacked | files | runtime dependencies |'
  echo '|---|---:|---:|---:|---|'
  for dir in packages/*/; do
    [ "$(node -p "require('./${dir}package.json').private === true")" = true ] && continue
    tarball=$(cd "$dir" && npx -y pnpm@10.34.9 pack --pack-destination "$packs" | tail -n 1)
    packed=$(stat -c %s "$tarball")
    read -r unpacked files < <(tar tzvf "$tarball" | awk '{ total += $3; count++ } END { print total, count }')
    name=$(node -p "require('./${dir}package.json').name")
    deps=$(node -p "Object.keys(require('./${dir}package.json').dependencies ?? {}).map(d => d.replace('@tandem-evm/', '')).join(', ') || '—'")
    printf '| `%s` | %s KiB | %s KiB | %s | %s |\n' "$name" "$(( (packed + 1023) / 1024 ))" "$(( (unpacked + 1023) / 1024 ))" "$files" "$deps"
  done
} > docs/packages.md
cat docs/packages.md
