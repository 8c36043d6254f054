package annotate

import (
	"embed"
	"strings"
	"sync"
)

//go:embed data/*.txt
var dataFiles embed.FS

// gazetteer is the read-only lookup built from data/*.txt.
type gazetteer struct {
	// places maps a name, alias or demonym to its place and type.
	places map[string]placeEntry
	// orgs maps a name or alias to its canonical name.
	orgs map[string]string
	// titles maps a lower-case title surface ("prime minister") to its role.
	titles map[string]string
	// maxTitleWords is the longest title in words.
	maxTitleWords int
	firstNames    map[string]bool
	// common holds lower-case words that never start a name.
	common map[string]bool
	cues   map[string]bool
	// leaders lists office holders by role.
	leaders []leader
	// leaderSurnames holds the surnameKey of every leader.
	leaderSurnames map[string]bool
	// headOfState maps the surnameKey of a president, prime minister or
	// chancellor to the country they lead, the side they are at a summit.
	headOfState map[string]string
	// capitals maps a country's name to its capital city.
	capitals map[string]string
}

type placeEntry struct {
	Name, Type string
	Demonym    bool
}

type leader struct {
	Country, Role, Name, Seat string
	SurnameKey                string
}

// defaultGazetteer parses the embedded data once; the result is never
// written after.
var defaultGazetteer = sync.OnceValue(func() *gazetteer {
	g := &gazetteer{
		places: map[string]placeEntry{}, orgs: map[string]string{},
		titles: map[string]string{}, leaderSurnames: map[string]bool{}, headOfState: map[string]string{}, firstNames: map[string]bool{}, cues: map[string]bool{},
		capitals: map[string]string{},
	}
	eachRecord("places.txt", func(f []string) {
		if len(f) < 4 {
			return
		}
		g.places[f[1]] = placeEntry{Name: f[1], Type: f[0]}
		for _, a := range splitList(f[2]) {
			g.places[a] = placeEntry{Name: f[1], Type: f[0]}
		}
		for _, a := range splitList(f[3]) {
			g.places[a] = placeEntry{Name: f[1], Type: f[0], Demonym: true}
		}
	})
	eachRecord("orgs.txt", func(f []string) {
		if len(f) < 3 {
			return
		}
		g.orgs[f[1]] = f[1]
		g.orgs[strings.ToLower(f[1])] = f[1]
		for _, a := range splitList(f[2]) {
			g.orgs[a] = f[1]
		}
	})
	eachRecord("titles.txt", func(f []string) {
		if len(f) < 2 {
			return
		}
		for _, s := range splitList(f[1]) {
			g.titles[s] = f[0]
			if n := len(strings.Fields(s)); n > g.maxTitleWords {
				g.maxTitleWords = n
			}
		}
	})
	g.common = map[string]bool{}
	for _, w := range strings.Fields(commonWords) {
		g.common[w] = true
	}
	eachRecord("firstnames.txt", func(f []string) { g.firstNames[f[0]] = true })
	eachRecord("capitals.txt", func(f []string) {
		if len(f) >= 2 {
			g.capitals[f[0]] = f[1]
		}
	})
	eachRecord("cues.txt", func(f []string) { g.cues[f[0]] = true })
	eachRecord("leaders.txt", func(f []string) {
		if len(f) >= 4 {
			l := leader{f[0], f[1], f[2], f[3], ""}
			n := strings.Fields(l.Name)
			l.SurnameKey = surnameKey(n[len(n)-1])
			g.leaders = append(g.leaders, l)
			g.leaderSurnames[l.SurnameKey] = true
			switch l.Role {
			case "president", "prime minister", "chancellor":
				g.headOfState[l.SurnameKey] = l.Country
			}
		}
	})
	return g
})

func eachRecord(name string, fn func([]string)) {
	b, err := dataFiles.ReadFile("data/" + name)
	if err != nil {
		return // embedded at build time; absent only if the build is broken
	}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		fn(strings.Split(line, "|"))
	}
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// commonWords are capitalised at a sentence start but name nothing.
const commonWords = `the a an and but or as at after before in on of for to from by with
	without since while when where if then than that this these those there here he she it they we i you
	his her its their our my your him them us me who what which why how all any some many most more
	much no not nor so yet also just only even still already again once now today yesterday tomorrow
	following during amid among across about above below under over between into onto through
	meanwhile however although though because despite until unless whether both each every either
	neither other another such same one two three four five six seven eight nine ten first second
	third last next new old earlier later speaking asked asking according both is was are were be
	been being has have had do does did will would can could should may might must shall let
	like unlike instead indeed perhaps several few officials prime minister president sources
	monday tuesday wednesday thursday friday saturday sunday january february march april may june
	july august september october november december weekend morning afternoon evening night
	photo video watch read related more advertisement getty images breaking live update updated
	mr mrs ms dr sir chief head ceasefire security peace war talks summit sanctions`
