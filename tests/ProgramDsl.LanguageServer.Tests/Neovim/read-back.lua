-- Drives Neovim's own LSP client (0.7+) against `tpm lsp` and writes what the editor saw as JSON.
-- Run as: nvim --headless -u NONE -i NONE -n -c "luafile read-back.lua", with TPM_NVIM_OUTPUT naming the file to
-- write and TPM_NVIM_CONFIG naming a JSON file:
--   { "cmd": ["dotnet", ".../tpm.dll", "lsp"], "root": "/workspace",
--     "files": [ { "path": "/workspace/a.tpm", "min_diagnostics": 1, "hovers": [ { "line": 6, "character": 7 } ] } ] }
-- Every wait is bounded, and the editor quits whatever happens: the test that runs this must never hang.

local report = { files = {}, exit = vim.NIL, error = vim.NIL }

local function wait_or_fail(ms, condition, what)
  if not vim.wait(ms, condition, 20) then error("timed out waiting for " .. what) end
end

local function run()
  local config_path = os.getenv("TPM_NVIM_CONFIG")
  assert(config_path, "TPM_NVIM_CONFIG is not set")
  local config = vim.fn.json_decode(table.concat(vim.fn.readfile(config_path), "\n"))

  local client_id = vim.lsp.start_client({
    name = "tpm",
    cmd = config.cmd,
    root_dir = config.root,
    on_exit = function(code, signal) report.exit = { code = code, signal = signal } end,
  })
  assert(client_id, "vim.lsp.start_client returned nothing")

  for _, file in ipairs(config.files) do
    vim.cmd("edit " .. vim.fn.fnameescape(file.path))
    local bufnr = vim.api.nvim_get_current_buf()
    -- What an editor's filetype detection would set for *.tpm: the server then gets languageId "tpm".
    vim.bo[bufnr].filetype = "tpm"
    assert(vim.lsp.buf_attach_client(bufnr, client_id), "buf_attach_client failed")
    wait_or_fail(30000, function()
      local client = vim.lsp.get_client_by_id(client_id)
      return client ~= nil and client.initialized
    end, "initialize")

    local min = file.min_diagnostics or 0
    wait_or_fail(30000, function() return #vim.diagnostic.get(bufnr) >= min end, min .. " diagnostics in " .. file.path)

    -- tpm/schedule answers once the server's compiles are idle: after it, hovers answer from the final compile.
    local uri = vim.uri_from_bufnr(bufnr)
    local schedule, schedule_err = vim.lsp.buf_request_sync(bufnr, "tpm/schedule", { textDocument = { uri = uri } }, 30000)
    if schedule == nil then error("tpm/schedule failed: " .. tostring(schedule_err)) end

    local seen = { path = file.path, diagnostics = vim.diagnostic.get(bufnr), hovers = {} }
    for _, at in ipairs(file.hovers or {}) do
      local params = { textDocument = { uri = uri }, position = { line = at.line, character = at.character } }
      local hover = { line = at.line, character = at.character, supported = false, timeout = vim.NIL, error = vim.NIL, result = vim.NIL, lines = {} }
      -- Neovim sends a request only to servers that announced it (else buf_request_sync just waits out its timeout).
      -- (0.7 answers with the capability itself, true or a table.)
      hover.supported = vim.lsp.get_client_by_id(client_id).supports_method("textDocument/hover") and true or false
      if hover.supported then
        local responses, err = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 10000)
        if responses == nil then
          hover.timeout = tostring(err)
        else
          local response = responses[client_id] or {}
          hover.error = response.err or response.error or vim.NIL
          hover.result = response.result or vim.NIL
          if response.result and response.result.contents then
            -- The text Neovim would show in its hover window.
            hover.lines = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
          end
        end
      end
      table.insert(seen.hovers, hover)
    end
    table.insert(report.files, seen)
  end

  -- shutdown then exit, as the editor does on quit; the exit code tells whether the server saw the shutdown.
  vim.lsp.stop_client(client_id)
  wait_or_fail(15000, function() return report.exit ~= vim.NIL end, "the server to exit")
end

local ok, err = pcall(run)
if not ok then report.error = tostring(err) end
local output = os.getenv("TPM_NVIM_OUTPUT")
if output then vim.fn.writefile({ vim.fn.json_encode(report) }, output) end
vim.cmd("qall!")
