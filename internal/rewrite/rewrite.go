package rewrite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/storydesk/storydesk/internal/model"
)

// Environment variables FromEnv reads.
const (
	EnvURL     = "STORYDESK_LLM_URL"
	EnvModel   = "STORYDESK_LLM_MODEL"
	EnvKey     = "STORYDESK_LLM_KEY"
	EnvTimeout = "STORYDESK_LLM_TIMEOUT"
)

// Errors a rewrite can fail with; each arrives wrapped with the story id
// (and the offending sentence where there is one).
var (
	// ErrMalformed: the endpoint's answer is not a chat completion with
	// text in it, or is larger than Options.MaxBytes.
	ErrMalformed = errors.New("malformed completion")
	// ErrUncited: an output sentence carries no citation marker.
	ErrUncited = errors.New("sentence without a citation")
	// ErrUnknownCitation: a marker names a source no key point cites.
	ErrUnknownCitation = errors.New("citation of a source the key points do not cite")
	// ErrLostCitation: no output sentence carries all of a key point's
	// citations.
	ErrLostCitation = errors.New("a key point's citations were dropped")
)

// StatusError is an HTTP answer outside 2xx.
type StatusError struct {
	Code int
}

func (e *StatusError) Error() string { return "HTTP status " + strconv.Itoa(e.Code) }

// Options configures the endpoint. The zero URL or Model turns the
// rewriter off.
type Options struct {
	// URL is the API base, e.g. "http://localhost:8080/v1"; the request
	// goes to URL + "/chat/completions". Empty: off.
	URL string
	// Model is the model name sent with the request. Empty: off.
	Model string
	// Key is sent as "Authorization: Bearer Key"; empty sends none.
	Key string
	// Timeout bounds each story's request, answer included; 0 means 30 s.
	Timeout time.Duration
	// MaxBytes caps the answer body; 0 means 1 MiB.
	MaxBytes int64
	// Client sends the requests; nil means a plain http.Client.
	Client *http.Client
}

// DefaultOptions is off, with a 30 s timeout and a 1 MiB answer cap.
func DefaultOptions() Options {
	return Options{Timeout: 30 * time.Second, MaxBytes: 1 << 20}
}

// FromEnv returns DefaultOptions with URL, Model, Key and Timeout (a Go
// duration such as "20s") taken from the STORYDESK_LLM_* variables as
// getenv gives them; a timeout that does not parse is left at its default.
func FromEnv(getenv func(string) string) Options {
	o := DefaultOptions()
	o.URL = strings.TrimSpace(getenv(EnvURL))
	o.Model = strings.TrimSpace(getenv(EnvModel))
	o.Key = strings.TrimSpace(getenv(EnvKey))
	if d, err := time.ParseDuration(strings.TrimSpace(getenv(EnvTimeout))); err == nil && d > 0 {
		o.Timeout = d
	}
	return o
}

// Enabled reports whether the options name an endpoint and a model.
func (o Options) Enabled() bool { return o.URL != "" && o.Model != "" }

// Brief rewrites the key points of every story of b that has some, setting
// its Prose. A story whose rewrite fails keeps its plain key points, and
// the failure is returned, one error per such story; b comes back
// unchanged when the options are off.
func Brief(ctx context.Context, b model.Brief, opts Options) (model.Brief, []error) {
	if !opts.Enabled() {
		return b, nil
	}
	out := model.Brief{Stories: make([]model.StoryBrief, len(b.Stories))}
	var errs []error
	for i, s := range b.Stories {
		out.Stories[i] = s
		if len(s.Summary) == 0 {
			continue
		}
		prose, err := Points(ctx, s, opts)
		if err != nil {
			errs = append(errs, fmt.Errorf("rewrite story %s: %w", s.ID, err))
			continue
		}
		out.Stories[i].Prose = prose
	}
	return out, errs
}

// Points asks the endpoint to rewrite s.Summary as prose and returns the
// sentences with their sources (article ids), after checking the
// citations. It returns a *StatusError, an error wrapping ErrMalformed,
// ErrUncited, ErrUnknownCitation or ErrLostCitation, or the transport's
// error (context.DeadlineExceeded on timeout).
func Points(ctx context.Context, s model.StoryBrief, opts Options) ([]model.Point, error) {
	number := make(map[string]int, len(s.Articles))
	ids := make(map[int]string, len(s.Articles))
	for i, a := range s.Articles {
		number[a.ID] = i + 1
		ids[i+1] = a.ID
	}
	points := make([][]int, 0, len(s.Summary))
	for _, p := range s.Summary {
		points = append(points, numbers(p.Sources, number))
	}
	text, err := complete(ctx, prompt(s, points), opts)
	if err != nil {
		return nil, err
	}
	return check(text, points, ids)
}

// prompt numbers the key points and gives each its markers, as the
// briefing's source list numbers them.
func prompt(s model.StoryBrief, points [][]int) string {
	var b strings.Builder
	b.WriteString("Rewrite the key points below about one news story as one short paragraph of plain prose.\n")
	b.WriteString("Keep every fact as stated and add nothing. End every sentence with the source markers of the points it draws on, exactly as given, such as [2][5]. ")
	b.WriteString("Every point's markers must appear together in one sentence. Use no other markers. Answer with the paragraph only.\n\nKey points:\n")
	for i, p := range s.Summary {
		fmt.Fprintf(&b, "%d. %s %s\n", i+1, p.Text, markers(points[i]))
	}
	return b.String()
}

func markers(nums []int) string {
	var b strings.Builder
	for _, n := range nums {
		b.WriteString("[" + strconv.Itoa(n) + "]")
	}
	return b.String()
}

// numbers maps article ids to their distinct source numbers.
func numbers(ids []string, number map[string]int) []int {
	var out []int
	seen := make(map[int]bool)
	for _, id := range ids {
		if n, ok := number[id]; ok && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

type chatRequest struct {
	Model       string        `json:"model"`
	Messages    []chatMessage `json:"messages"`
	Temperature float64       `json:"temperature"`
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatResponse struct {
	Choices []struct {
		Message chatMessage `json:"message"`
	} `json:"choices"`
}

// complete sends one chat completion and returns the answer's text.
func complete(ctx context.Context, userText string, opts Options) (string, error) {
	timeout, limit, client := opts.Timeout, opts.MaxBytes, opts.Client
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	if limit <= 0 {
		limit = 1 << 20
	}
	if client == nil {
		client = &http.Client{}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	body, err := json.Marshal(chatRequest{Model: opts.Model, Temperature: 0, Messages: []chatMessage{
		{Role: "system", Content: "You edit news briefings. You never drop or invent citation markers."},
		{Role: "user", Content: userText},
	}})
	if err != nil {
		return "", err
	}
	url := strings.TrimRight(opts.URL, "/") + "/chat/completions"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	if opts.Key != "" {
		req.Header.Set("Authorization", "Bearer "+opts.Key)
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return "", &StatusError{Code: resp.StatusCode}
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return "", err
	}
	if int64(len(raw)) > limit {
		return "", fmt.Errorf("%w: answer over %d bytes", ErrMalformed, limit)
	}
	var cr chatResponse
	if err := json.Unmarshal(raw, &cr); err != nil {
		return "", fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if len(cr.Choices) == 0 || strings.TrimSpace(cr.Choices[0].Message.Content) == "" {
		return "", fmt.Errorf("%w: no text in the answer", ErrMalformed)
	}
	return cr.Choices[0].Message.Content, nil
}
