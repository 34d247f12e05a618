"""Word lists the rules use (words that begin no name, months, verbs that follow a person's name, …)."""
from __future__ import annotations


# Words that start a capitalised run but are never part of a person's name.
NOT_NAME = {"Region", "Regionen", "Regionens", "Kommun", "Kommunen", "Kommunerna", "Kommunernas", "Ordförande",
            "Ordföranden", "Sekreterare", "Justerare", "Ledamot", "Vice", "Sociala", "Social", "Socialtjänsten",
            "Förslag", "Beslut", "Sammanfattning", "Bakgrund", "Ärendet", "Inga", "Övriga", "Protokoll",
            "Protokollet", "Utdrag", "Plats", "Datum", "Tid", "Närvarande", "Beslutande", "Ersättare",
            "Föredragande", "Underskrifter", "Justering", "Justeringens", "Paragrafer", "Innehåll", "Digitalt",
            "Teams", "Hoppa", "Rätt", "Muntligen", "Bilagor", "Dnr", "Sammanträde", "Sammanträdesdatum",
            "Minnesanteckningar", "Extrainsatt", "Skrivelse", "Skrivelsen", "Uppföljning", "Uppdrag", "Inför",
            "Med", "Vid", "Dessförinnan", "Allt", "Syftet", "Det", "Den", "De", "Vi", "Elevhälsan", "Landstinget",
            "Länets", "Jämtlands", "Jämtland", "Härjedalen", "Sveriges", "Sverige", "Centrum", "Nationellt",
            "Myndigheten", "Myndighetssamverkan", "Inspektionen", "Kvinnojouren", "Förbundet", "Kommunförbundet",
            "Ungdomsmottagningen", "Dals", "Norra", "Södra", "Västra", "Östra", "Gällande", "Vidare", "Dock",
            "Resurscentrum", "Fördelning", "Prioriterade", "Reform", "Brister", "Arbetsformer", "Valärende",
            "Sammanträdestider", "Upprop", "Punkten", "Presentationen", "Uppdraget", "Målet", "Förslaget",
            "Styrning", "Verksamheten", "Avtalet", "Rapporten", "Omvärldsbevakningen", "Fördelningsmodellen",
            "Lokalkostnader", "Kommunerna", "Närmottagningar", "Ordf", "Ord", "Bitr", "Nämnd", "Styrelse",
            "Pwc", "Teams", "Yrkesresan", "Samhällsutveckling", "Enhet", "Projekt", "Utredning"}
# Function words that begin a sentence and so carry a capital: "Då Lennart Raswill har avsagt sig …".
NOT_NAME |= {"Då", "När", "Om", "Men", "Och", "Att", "Som", "Efter", "Innan", "Eftersom", "Även", "Under", "Sedan",
             "Nu", "Här", "Där", "Enligt", "Inom", "Hos", "Av", "Till", "Från", "För", "Mellan", "Genom", "Utan",
             "Trots", "Bland", "Kring", "Mot", "Vad", "Vem", "Vilka", "Varför", "Hur", "Både", "Varje", "Alla",
             "Ingen", "Inget", "Någon", "Några", "Ett", "En", "Denna", "Detta", "Dessa", "Han", "Hon", "Hen", "Man",
             "Ni", "Jag", "Du", "Samtliga", "Bifogat", "Bilaga", "Tack", "Ja", "Nej", "Kl", "Se"}

MONTHS = {"Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober",
          "November", "December", "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Fredagen", "Lördag", "Söndag"}

# Verbs after a bare name in running text that mark it as a person ("Elin Ring informerar").
PERSON_VERBS = ("informerar", "föredrar", "inleder", "redogör", "delger", "beskriver", "bekräftar", "visar",
                "lyfter", "tar", "återkommer", "hälsar", "tackar", "meddelar", "presenterar", "berättar",
                "svarar", "framför", "yrkar", "föreslår", "deltar", "ansvarar", "kommer", "har", "är", "blir",
                "uppdras", "utses", "väljs", "valdes", "anmäler", "öppnar", "avslutar", "förklarar", "konstaterar")

PRESENT_VERBS = {"föredrar", "presenterar", "inleder", "informerar"}

# Words that begin a clause, never a name ("Det", "Dessa", "Samtliga").
PRONOUNS = {"det", "den", "detta", "denna", "dessa", "de", "vi", "man", "han", "hon", "hen", "ni", "jag", "du",
            "alla", "samtliga", "varje", "någon", "några", "inget", "ingen", "en", "ett", "här", "där", "nu"}

# Upper-case words that are no body: document and unit abbreviations common in minutes.
NOT_ABBR = {"PPT", "PDF", "IT", "HR", "IFO", "LSS", "SoL", "HSL", "SIP", "HVB", "VD", "KL", "OK", "EU", "SCB", "AB",
            "PwC", "RSS", "FoU", "SAF", "VoF", "MFoF", "TN", "BBIC", "SKR", "NPM", "ASIH", "OCR", "CSV"}

COLUMN_HEADERS = {"namn", "parti", "kommun", "uppdrag", "roll", "funktion", "titel", "organisation", "ledamot",
                  "ersättare", "närvaro", "tjänstgör", "paragraf", "§", "ja", "nej", "avstår", "tjg", "ej tjg"}

MEMBER_ROLES = {"ordförande", "vice ordförande", "1:e vice ordförande", "2:e vice ordförande", "ledamot", "ersättare",
                "tjänstgörande ersättare"}

OWNED_ORGANS = {"styrelse", "presidium", "presidiet", "arbetsutskott", "arbetsutskottet", "beredning", "kansli"}

FUNCTION_WORDS = {"och", "för", "i", "av", "om", "mot", "med", "samt", "till", "på", "&"}
