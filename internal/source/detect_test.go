package source

import "testing"

func TestDetect(t *testing.T) {
	cases := []struct {
		name, in string
		want     format
	}{
		{"empty", "", formatText},
		{"text", "Storm hits coast\n\nA storm hit.", formatText},
		{"text starting with a bracket", "[Video] Storm hits coast\nMore.", formatText},
		{"text starting with a brace", "{not json} but a line\n", formatText},
		{"text mentioning a tag", "Use the <p> tag for paragraphs.", formatText},
		{"html doctype", "<!DOCTYPE html><title>x</title>", formatHTML},
		{"html after comment", "<!-- saved page --><html><body>x</body></html>", formatHTML},
		{"html fragment", "<div><p>Hello</p></div>", formatHTML},
		{"html after text", "Saved from the web\n<p>One</p><p>Two</p><p>Three</p>", formatHTML},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, formatFeed},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"><channel/></rdf:RDF>`, formatFeed},
		{"atom with stylesheet", `<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom"/>`, formatFeed},
		{"opml", "<opml version=\"2.0\"><body/></opml>", formatOPML},
		{"other xml", `<?xml version="1.0"?><urlset><url/></urlset>`, formatXMLOther},
		{"json feed", `{"version":"https://jsonfeed.org/version/1.1","items":[]}`, formatFeed},
		{"json object", `{"text":"x"}`, formatRecords},
		{"json array", "[\n{\"text\":\"x\"}\n]", formatRecords},
		{"jsonl with a broken line", "{\"text\":\"x\"}\n{broken\n", formatRecords},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := detect([]byte(tc.in)); got != tc.want {
				t.Errorf("detect(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
