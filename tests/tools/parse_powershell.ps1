# Parses PowerShell snippets with PowerShell's own parser, without running them.
# Input: a JSON file holding an array of strings. Output: a JSON file holding,
# per snippet, its parse errors and the count of its top-level statements.
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
  [pscustomobject]@{
    errors = @($errors | ForEach-Object { "$($_.ErrorId): $($_.Message)" })
    statements = $count
  }
}
ConvertTo-Json -InputObject @($results) -Depth 4 | Set-Content -LiteralPath $Out -Encoding utf8
