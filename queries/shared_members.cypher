// title: Personer i flera organ
// description: Personer som är ledamot eller ersättare i två eller fler organ, med organen och rollerna – underlag för att se överlapp mellan samverkansorganen.
// engines: ladybug, neo4j
MATCH (p:Person)-[r:MEMBER_OF]->(b:Body)
WITH p, collect(DISTINCT b.name) AS bodies, collect(DISTINCT r.role) AS roles
WHERE size(bodies) >= 2
RETURN p.name AS person, p.party AS party, size(bodies) AS n_bodies, bodies, roles
ORDER BY n_bodies DESC, person
