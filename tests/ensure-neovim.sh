#!/usr/bin/env bash
# Installs Debian's neovim when it is missing: the editor test (tests/ProgramDsl.LanguageServer.Tests/Neovim) drives
# tpm lsp through Neovim's own LSP client. Quiet when nvim is there already; never fails the caller (the Neovim tests
# then fail with a clear message). TPM_NVIM=/path/to/nvim uses another build instead.
# The package lists are refreshed only when the install fails without them.
set -u
if [ -n "${TPM_NVIM:-}" ] || command -v nvim >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "nvim not found and apt-get is not available: install Neovim (0.7 or later) for the editor test" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "nvim not found and installing it needs root: apt-get install neovim" >&2
    exit 0
  fi
fi
echo "installing neovim for the editor test (apt-get)..." >&2
log="$(mktemp)"
install() { DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim >>"$log" 2>&1; }
if install || { $sudo apt-get update -qq >>"$log" 2>&1 && install; }; then
  rm -f "$log"
else
  echo "could not install neovim (log: $log); the Neovim tests will fail" >&2
fi
exit 0
