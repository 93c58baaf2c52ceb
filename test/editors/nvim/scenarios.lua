-- The Neovim scenarios of the editor suite (test/editors/run.mjs), run in a
-- headless Neovim whose init file is the Neovim 0.7 recipe of
-- docs/editors.md, as written, in the suite's workspace: a problem in a
-- broken file, completion, hover, formatting like `slac fmt`, and a rename
-- that reaches a file nobody opened (written to disk with :wall, as a user
-- would). Prints one `ok`/`FAIL` line per scenario; SLAC_EXPECTED_FMT names
-- the file holding what `slac fmt` makes of messy.sla.
local failures = 0
-- Straight to stdout: a headless Neovim's print() runs lines together.
local function say(line) io.stdout:write(line .. '\n') end
local function check(name, run)
  local ok, detail = pcall(run)
  if ok and detail ~= false then
    say('ok   nvim: ' .. name)
  else
    failures = failures + 1
    say('FAIL nvim: ' .. name .. ': ' .. tostring(detail))
  end
end

local function read(path)
  local file = assert(io.open(path, 'rb'))
  local text = file:read('*a')
  file:close()
  return text
end

local function open(name)
  vim.cmd('edit ' .. name)
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.bo[buf].filetype == 'sla', name .. ' has file type ' .. vim.bo[buf].filetype)
  assert(vim.wait(15000, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 50), 'the server did not attach to ' .. name)
  return buf
end

local function request(buf, method, params)
  local results, err = vim.lsp.buf_request_sync(buf, method, params, 15000)
  assert(results, method .. ': ' .. tostring(err))
  for _, response in pairs(results) do
    if response.error then error(method .. ': ' .. response.error.message) end
    if response.result then return response.result end
  end
  return nil
end

local function at(buf, line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

check('a broken file gets its problem (SLA2001)', function()
  local buf = open('broken.sla')
  local message
  assert(vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'SLA2001' then message = d.message return true end
    end
    return false
  end, 100), 'no SLA2001 among ' .. #vim.diagnostic.get(buf) .. ' diagnostics')
  assert(message:find("Unknown calendar 'ServceDesk'", 1, true), message)
end)

check('a term nothing uses gets its warning (SLA5005), as slac validate gives it', function()
  local buf = open('unused-term.sla')
  local found
  assert(vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'SLA5005' then found = d return true end
    end
    return false
  end, 100), 'no SLA5005 among ' .. #vim.diagnostic.get(buf) .. ' diagnostics')
  assert(found.message:find("The term 'Incident' is defined, but the agreement never uses it", 1, true), found.message)
  assert(found.severity == vim.diagnostic.severity.WARN, 'severity ' .. tostring(found.severity))
end)

check('completion after "hours Mon-" offers the last weekday', function()
  local buf = open('draft.sla')
  local result = request(buf, 'textDocument/completion', at(buf, 2, 12))
  local items = result and (result.items or result) or {}
  local labels = {}
  for _, item in ipairs(items) do labels[item.label] = true end
  assert(labels.Fri and labels.Sun, 'items: ' .. vim.inspect(vim.tbl_keys(labels)))
end)

check('hover on a calendar name describes its hours', function()
  local buf = open('corporate.sla')
  local result = request(buf, 'textDocument/hover', at(buf, 4, 12))
  local text = result and result.contents and (result.contents.value or vim.inspect(result.contents)) or 'nothing'
  assert(text:find('Mon-Fri 08:30-18:30 Europe/Madrid', 1, true), text)
end)

check('formatting gives what slac fmt gives', function()
  open('messy.sla')
  vim.lsp.buf.formatting_sync(nil, 15000)
  vim.cmd('silent write')
  local expected = read(os.getenv('SLAC_EXPECTED_FMT'))
  local got = read('messy.sla')
  assert(got == expected, 'messy.sla on disk:\n' .. got)
end)

check('renaming ServiceDesk in corporate.sla also edits the closed finance.sla', function()
  local buf = open('corporate.sla')
  assert(vim.fn.bufnr('finance.sla') == -1, 'finance.sla is open')
  vim.api.nvim_win_set_cursor(0, { 5, 12 })
  vim.lsp.buf.rename('SupportDesk')
  assert(vim.wait(15000, function()
    local finance = vim.fn.bufnr('finance.sla')
    return finance ~= -1 and table.concat(vim.api.nvim_buf_get_lines(finance, 0, -1, false), '\n'):find('clock SupportDesk', 1, true) ~= nil
  end, 100), 'finance.sla was not edited')
  vim.cmd('silent wall')
  local finance = read('finance.sla')
  assert(finance:find('clock SupportDesk', 1, true) and not finance:find('ServiceDesk', 1, true), finance)
  assert(read('corporate.sla'):find('calendar SupportDesk', 1, true), 'corporate.sla on disk was not renamed')
  return buf ~= nil
end)

if failures > 0 then vim.cmd('cquit ' .. failures) else vim.cmd('qall!') end
