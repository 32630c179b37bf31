#!/usr/bin/env bash
# Validates docker-compose.yml (syntax, schema, variable interpolation) without a Docker engine.
#
# Uses the `docker compose` plugin when it works; otherwise `docker-compose`, installing Debian's
# `docker-compose` package (Compose v1.29, which reads the Compose Specification) with apt-get when
# it is missing. Needs root (or an already installed tool). Exits non-zero on an invalid file.
#
#   bash infra/check-compose.sh [path/to/docker-compose.yml]
set -euo pipefail
if [ $# -gt 0 ]; then file="$(realpath -m -- "$1")"; else file=docker-compose.yml; fi
cd "$(dirname "$0")/.."

if [ ! -f "$file" ]; then
  echo "check-compose: $file not found" >&2
  exit 1
fi

install_compose_v1() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "check-compose: neither 'docker compose' nor 'docker-compose' is available; run as root to apt-get install docker-compose" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-y -qq --no-install-recommends -o Dpkg::Use-Pty=0)
  # Try the current package lists first (fast); refresh them only if that fails.
  if ! apt-get install "${apt_opts[@]}" docker-compose >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    apt-get install "${apt_opts[@]}" docker-compose >/dev/null
  fi
}

if docker compose version >/dev/null 2>&1; then
  tool="docker compose $(docker compose version --short 2>/dev/null || true)"
  validate() { docker compose -f "$file" config -q; }
else
  if ! docker-compose version >/dev/null 2>&1; then
    install_compose_v1
  fi
  tool="docker-compose $(docker-compose version --short 2>/dev/null || true)"
  validate() { docker-compose -f "$file" config -q; }
fi

if validate; then
  echo "$file is valid (validated by ${tool% })"
else
  echo "$file is INVALID (validated by ${tool% })" >&2
  exit 1
fi
