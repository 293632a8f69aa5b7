# Parses PowerShell snippets with PowerShell's own parser, without running them.
# Input: a JSON file holding an array of strings. Output: a JSON file holding,
# per snippet, its parse errors, the count of its top-level statements and
# the number of words of each command in it.
param([Parameter(Mandatory)] [string] $In, [Parameter(Mandatory)] [string] $Out)
$ErrorActionPreference = 'Stop'
$snippets = @(Get-Content -Raw -LiteralPath $In | ConvertFrom-Json)
$results = foreach ($text in $snippets) {
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput([string]$text, [ref]$tokens, [ref]$errors)
  $count = 0
  foreach ($block in @($ast.BeginBlock, $ast.ProcessBlock, $ast.EndBlock)) {
    if ($null -ne $block) { $count += $block.Statements.Count }
  }
  # The shape of every command: how many words (command name, parameters,
  # arguments) it has, in order. A value split in two adds a word.
  $commands = $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)
  [pscustomobject]@{
    errors = @($errors | ForEach-Object { "$($_.ErrorId): $($_.Message)" })
    statements = $count
    command_words = @($commands | ForEach-Object { $_.CommandElements.Count })
  }
}
ConvertTo-Json -InputObject @($results) -Depth 4 | Set-Content -LiteralPath $Out -Encoding utf8
