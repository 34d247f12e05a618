// title: Källan till varje fakta om en nod
// description: Alla relationer till och från en nod (id) med dokument, paragraf, teckenintervall, citat och regeln som hittade dem.
// param: id = body:socsam
// engines: ladybug, neo4j
MATCH (n {id: $id})-[r]->(o)
RETURN n.id AS node, 'ut' AS direction, o.id AS other, r.doc AS doc, r.para AS para, r.start AS start, r.`end` AS `end`, r.quote AS quote, r.rule AS rule
UNION ALL
MATCH (n {id: $id})<-[r]-(o)
RETURN n.id AS node, 'in' AS direction, o.id AS other, r.doc AS doc, r.para AS para, r.start AS start, r.`end` AS `end`, r.quote AS quote, r.rule AS rule
