#!/usr/bin/env bash
# Measures how much the LanceOrm source generator (+ its analyzers) adds to the build of a project with N entities.
#
#   benchmarks/generator-buildtime/run.sh [entities=200] [runs=3]
#
# It writes a throw-away project to a temp folder (outside the repo, so none of the repo's Directory.*.props apply to
# it), referencing src/LanceOrm and the generator as an analyzer. After one warm-up build it times full rebuilds of that
# project only (-p:BuildProjectReferences=false), alternately with the generator on and off (-p:LanceOrmGenerator=false
# drops the analyzer reference; the partial entity classes still compile), and prints the medians and the difference.
# It also prints the generator and analyzer times the compiler itself reports (-p:ReportAnalyzer=true).
set -euo pipefail

ENTITIES="${1:-200}"
RUNS="${2:-3}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d /tmp/lanceorm-buildtime.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

cat > "$WORK/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <LangVersion>latest</LangVersion>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$REPO/src/LanceOrm/LanceOrm.csproj" />
  </ItemGroup>
  <ItemGroup Condition="'\$(LanceOrmGenerator)' != 'false'">
    <ProjectReference Include="$REPO/generators/LanceOrm.Generators/LanceOrm.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML

mkdir -p "$WORK/Entities"
for i in $(seq 1 "$ENTITIES"); do
  cat > "$WORK/Entities/Entity$i.cs" <<CS
using LanceOrm;

namespace Bench;

public enum Kind$i { Alpha, Beta, Gamma }

[LanceTable("entity_$i")]
public partial class Entity$i
{
    [Key] public Guid Id { get; set; }
    public string Title { get; set; } = "";
    [Embed("minilm"), FullTextIndex] public string Body { get; set; } = "";
    public string? Author { get; set; }
    public int Year { get; set; }
    public long? Views { get; set; }
    public double Rating { get; set; }
    public decimal Price { get; set; }
    public bool Published { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateOnly? Day { get; set; }
    public Kind$i Kind { get; set; }
    public List<string> Tags { get; set; } = [];
    public byte[]? Thumbnail { get; set; }
    [Vector(384), Column("vector")] public float[]? Vector { get; set; }
}
CS
done

cd "$WORK"
echo "Project: $ENTITIES entities, 15 mapped properties each; $RUNS timed rebuilds per mode (SDK $(dotnet --version), $(nproc) CPUs)."
dotnet build Bench.csproj -c Release -nologo -v:q > warmup.log 2>&1 || { cat warmup.log; exit 1; }
dotnet build Bench.csproj -c Release -nologo -v:q -p:LanceOrmGenerator=false > warmup-off.log 2>&1 || { cat warmup-off.log; exit 1; }

time_rebuild() { # $1 = true|false
  local start end
  start=$(date +%s.%N)
  dotnet msbuild Bench.csproj -nologo -v:q -t:Rebuild -p:Configuration=Release -p:BuildProjectReferences=false -p:LanceOrmGenerator="$1" > "rebuild-$1.log" 2>&1 || { cat "rebuild-$1.log"; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

on=(); off=()
for r in $(seq 1 "$RUNS"); do
  off+=("$(time_rebuild false)")
  on+=("$(time_rebuild true)")
done
ON=$(printf '%s\n' "${on[@]}" | median)
OFF=$(printf '%s\n' "${off[@]}" | median)
echo "rebuild without generator: ${off[*]} s  (median $OFF s)"
echo "rebuild with generator:    ${on[*]} s  (median $ON s)"
printf 'generator + analyzers add: %.2f s (median), %.1f ms per entity\n' "$(echo "$ON - $OFF" | bc)" "$(echo "($ON - $OFF) * 1000 / $ENTITIES" | bc -l)"

generated=$(ls obj/Release/net10.0/generated 2>/dev/null | wc -l || true)
dotnet msbuild Bench.csproj -nologo -v:d -t:Rebuild -p:Configuration=Release -p:BuildProjectReferences=false -p:ReportAnalyzer=true -p:EmitCompilerGeneratedFiles=true > report.log 2>&1
echo "compiler-reported times (ReportAnalyzer):"
grep -E "Total (analyzer|generator) execution time|LanceOrm\.Generators\.(LanceOrmGenerator|Analyzers\.[A-Za-z]+)\b" report.log | sed -E 's/^[[:space:]]+/  /' | sort -u | head -10
files=$(find obj/Release/net10.0/generated -name '*.g.cs' 2>/dev/null | wc -l)
lines=$(find obj/Release/net10.0/generated -name '*.g.cs' -exec cat {} + 2>/dev/null | wc -l)
echo "generated: $files files, $lines lines"
