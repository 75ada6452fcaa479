#!/usr/bin/env bash
# A local SolrCloud cluster for trials: builds the launcher when needed, then runs it in the foreground.
#   engines/solr/run-cluster.sh [--nodes N]     (default 3 nodes; type `stop 1`, `start 1`, `status`, `quit`)
# It prints one JSON line with the node URLs when ready; then, in another shell, e.g.
#   curl "$URL/admin/collections?action=CREATE&name=vndocsearch&numShards=2&replicationFactor=2&collection.configName=vndocsearch"
#   ENGINE=solr SOLR_URL=$URL …
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f target/classes/vndocsearch/solr/Launcher.class ] || [ -n "$(find pom.xml src -newer target/classes/vndocsearch/solr/Launcher.class -print -quit)" ]; then
  mvn -B -q package
fi
exec java -Xmx1g -XX:+UseSerialGC -cp "target/classes:target/lib/*" vndocsearch.solr.Launcher --configset configset "$@"
