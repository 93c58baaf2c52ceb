-- Drives Neovim (headless) with the recipe from docs/editors.md loaded as
-- its init file, against `slac lsp --stdio`: the server attaches to a .sla
-- buffer, publishes its problems, hovers, finds references in a closed file
-- and formats the line under `gq`. Run by check-recipe.sh; prints one line
-- per check and exits non-zero when one fails.
local failures = 0
local function check(name, ok, detail)
  print((ok and 'ok   ' or 'FAIL ') .. name .. (detail and (': ' .. detail) or ''))
  if not ok then failures = failures + 1 end
end

vim.cmd('edit corporate.sla')
local buf = vim.api.nvim_get_current_buf()
check('the file type is sla', vim.bo[buf].filetype == 'sla', vim.bo[buf].filetype)

-- Break a calendar name in the buffer (unsaved) and wait for the diagnostic.
local line = vim.fn.search('clock ServiceDesk') - 1
vim.api.nvim_buf_set_text(buf, line, 8, line, 19, { 'ServceDesk' })
local found = vim.wait(15000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'SLA2001' then return true end
  end
  return false
end, 100)
check('a problem is published as the buffer changes', found)
vim.api.nvim_buf_set_text(buf, line, 8, line, 18, { 'ServiceDesk' })

local function request(method, params)
  local results = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  for _, response in pairs(results) do
    if response.result then return response.result end
  end
  return nil
end

local declaration = vim.fn.search('calendar ServiceDesk') - 1
local position = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = declaration, character = 12 } }
local hover = request('textDocument/hover', position)
check('hover answers on a calendar name', hover ~= nil and hover.contents.value:find('ServiceDesk', 1, true) ~= nil)

position.context = { includeDeclaration = true }
local references = request('textDocument/references', position) or {}
local in_finance = false
for _, location in ipairs(references) do
  if location.uri:find('finance.sla', 1, true) then in_finance = true end
end
check('references reach finance.sla, which is not open', in_finance, #references .. ' references')

-- `gq` on a badly indented line formats it through range formatting.
local target = vim.fn.search('title "Response time"') - 1
vim.api.nvim_buf_set_lines(buf, target, target + 1, false, { '      title    "Response time"' })
vim.api.nvim_win_set_cursor(0, { target + 1, 0 })
vim.cmd('normal! gqq')
local formatted = vim.api.nvim_buf_get_lines(buf, target, target + 1, false)[1]
check('gq formats the line', formatted == '  title "Response time"', formatted)

if failures > 0 then vim.cmd('cquit ' .. failures) else vim.cmd('qall!') end
