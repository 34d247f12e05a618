// title: Ärenden som gått från ett organ till ett annat
// description: Ärenden (Matter) som behandlats vid organ A och sedan vid organ B, med båda mötena, paragraferna och citaten. Standard: SocSam → SVOM.
// param: from = SocSam
// param: to = SVOM
// engines: ladybug, neo4j
MATCH (a:Body)-[:HELD]->(m1:Meeting)-[:HAS_ITEM]->(i1:AgendaItem)-[c1:CONCERNS]->(mt:Matter)<-[c2:CONCERNS]-(i2:AgendaItem)<-[:HAS_ITEM]-(m2:Meeting)<-[:HELD]-(b:Body)
WHERE (a.short = $from OR a.name = $from OR a.id = $from)
  AND (b.short = $to OR b.name = $to OR b.id = $to)
  AND i1.id <> i2.id
RETURN DISTINCT mt.title AS matter, a.name AS from_body, m1.date AS from_date, i1.number AS from_para, c1.quote AS from_quote,
       b.name AS to_body, m2.date AS to_date, i2.number AS to_para, c2.quote AS to_quote, c2.confidence AS confidence, c2.doc AS to_doc
ORDER BY from_date
