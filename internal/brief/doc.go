// Package brief writes the briefing of a story: what its articles are, and
// (as the comparing stages fill them in) what the outlets agree on, where
// they differ, who said what and when things happened, every line cited.
// Build assembles a model.Brief from plain data; Text, Markdown, JSON and
// HTML (HTMLWith for a page inside a site) render it. Text, Markdown and
// HTML show the timeline by day with readable dates; JSON keeps the TIMEX3
// values.
package brief
