// Package rewrite turns a briefing's key points into prose through an
// OpenAI-compatible chat endpoint (POST {URL}/chat/completions). It is off
// unless configured, and it only ever adds: a rewrite is kept when every
// sentence carries citation markers, every marker names a source the key
// points cite, and every key point's citations survive in some sentence;
// otherwise the briefing keeps its plain key points and the caller gets
// the reason as an error to print as a warning.
package rewrite
