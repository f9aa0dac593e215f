-- Headless Neovim (0.7+) probe: starts a stdio language server with the built-in LSP client, opens
-- files, sends the requests it is given and writes every answer as one JSON object to a file.
-- It judges nothing: test/nvim/nvim.e2e.mjs decides what the answers must be.
--
-- Input: $DIPLONOTE_PROBE_IN, a JSON file
--   { "cmd": ["node", "dist/server.js", "--stdio"], "rootDir": "/abs", "timeoutMs": 10000,
--     "files": [ { "path": "/abs/x.note", "requests": [ { "method": "textDocument/hover",
--                                                         "params": { "position": {...} } } ] } ] }
--   Each request's params get the file's "textDocument" added. Without "cmd", the probe starts no
--   server: it waits for the client that the user's configuration (nvim -u init.lua) attaches to the
--   first file, which tests that configuration.
-- Output: $DIPLONOTE_PROBE_OUT, a JSON file
--   { "nvim": "0.7.2", "capabilities": {...}, "files": [ { "path": ..., "answers": [
--       { "method": ..., "result": ..., "error": ..., "ms": 12 } ] } ], "error": "only on failure" }
-- Exit status: 0 once the output is written, 1 if the server never initialised, 2 on a Lua error.
-- Only APIs that 0.7 has are used (vim.lsp.start_client, not vim.lsp.start, which came in 0.8).

local input = vim.json.decode(table.concat(vim.fn.readfile(os.getenv('DIPLONOTE_PROBE_IN')), '\n'))
local output_path = os.getenv('DIPLONOTE_PROBE_OUT')
local report = { files = {} }

local function write_report_and_quit(status)
  vim.fn.writefile({ vim.json.encode(report) }, output_path)
  if report.client_id then
    vim.lsp.stop_client(report.client_id)
    vim.wait(3000, function() return vim.lsp.client_is_stopped(report.client_id) end, 20)
  end
  vim.cmd(status == 0 and 'qall!' or ('cquit ' .. status))
end

local function elapsed_ms(since) return math.floor((vim.loop.hrtime() - since) / 1e6) end

local function open_buffer(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  -- didOpen takes its languageId from 'filetype'; --clean knows nothing of .note files.
  if input.cmd then vim.bo[bufnr].filetype = 'diplomatic-note' end
  return bufnr
end

local function start_own_client(buffers, on_exit)
  local client_id = vim.lsp.start_client({
    name = 'diplonote',
    cmd = input.cmd,
    root_dir = input.rootDir,
    handlers = { ['window/logMessage'] = function() end },
    on_exit = on_exit,
  })
  assert(client_id, 'vim.lsp.start_client returned nil')
  for index, bufnr in ipairs(buffers) do
    assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed for ' .. input.files[index].path)
  end
  return client_id
end

-- The id of the client the configuration attached to the buffer (0.7 has buf_get_clients, not get_clients).
local function configured_client(bufnr)
  vim.wait(input.timeoutMs, function() return next(vim.lsp.buf_get_clients(bufnr)) ~= nil end, 10)
  local client_id = next(vim.lsp.buf_get_clients(bufnr))
  assert(client_id, 'the configuration attached no language server to ' .. vim.api.nvim_buf_get_name(bufnr))
  return client_id
end

local function ask(bufnr, client_id, request)
  -- 0.7 never calls back for a method no attached server supports, so the wait would only time out.
  if not vim.lsp.get_client_by_id(client_id).supports_method(request.method) then
    return { method = request.method, error = 'not supported by the server', ms = 0 }
  end
  local params = vim.deepcopy(request.params or {})
  params.textDocument = { uri = vim.uri_from_bufnr(bufnr) }
  local started = vim.loop.hrtime()
  local responses, failure = vim.lsp.buf_request_sync(bufnr, request.method, params, input.timeoutMs)
  local answer = { method = request.method, ms = elapsed_ms(started) }
  local response = responses and responses[client_id]
  if not response then
    answer.error = failure or 'no response'
  else
    answer.result = response.result
    answer.error = response.err or response.error
  end
  return answer
end

local function main()
  local version = vim.version()
  report.nvim = version.major .. '.' .. version.minor .. '.' .. version.patch
  local buffers = {}
  for index, file in ipairs(input.files) do buffers[index] = open_buffer(file.path) end
  local exit_info
  local client_id
  if input.cmd then
    client_id = start_own_client(buffers, function(code, signal) exit_info = { code = code, signal = signal } end)
  else
    client_id = configured_client(buffers[1])
  end
  report.client_id = client_id
  report.client_name = vim.lsp.get_client_by_id(client_id).name
  -- didOpen goes out once initialize has been answered, so wait for that before asking anything.
  local initialised = vim.wait(input.timeoutMs, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return exit_info ~= nil or (client ~= nil and client.initialized)
  end, 10)
  if not initialised or exit_info then
    report.error = 'server did not initialise' .. (exit_info and (': exited ' .. vim.inspect(exit_info)) or '')
    return write_report_and_quit(1)
  end
  report.capabilities = vim.lsp.get_client_by_id(client_id).server_capabilities

  for index, file in ipairs(input.files) do
    local answers = {}
    for _, request in ipairs(file.requests) do table.insert(answers, ask(buffers[index], client_id, request)) end
    table.insert(report.files, { path = file.path, answers = answers })
  end
  write_report_and_quit(0)
end

local ok, failure = xpcall(main, debug.traceback)
if not ok then
  report.error = tostring(failure)
  write_report_and_quit(2)
end
