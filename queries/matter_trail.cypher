// title: Ett ärendes väg genom organen
// description: Varje behandling av ett ärende i datumordning: organ, möte, paragraf, beslut och citatet som binder punkten till ärendet. Ange en del av ärendets rubrik eller dess id.
// param: matter = psykiatri
// engines: ladybug, neo4j
MATCH (mt:Matter)<-[c:CONCERNS]-(i:AgendaItem)<-[:HAS_ITEM]-(m:Meeting)<-[:HELD]-(b:Body)
WHERE toLower(mt.title) CONTAINS toLower($matter) OR mt.id = $matter
OPTIONAL MATCH (i)-[:HAS_DECISION]->(d:Decision)
RETURN mt.title AS matter, m.date AS date, b.name AS body, i.number AS para, i.title AS item,
       collect(DISTINCT d.text) AS decisions, c.step AS step, c.quote AS quote, c.doc AS doc
ORDER BY date, para
