// Package model holds the plain data types that flow between storydesk's
// stages: an Article from extraction, the annotations laid over its text,
// and the stories, facts and briefings built from many articles.
//
// The types carry no behaviour beyond small helpers for their own values;
// every stage takes and returns them, and the store persists them.
package model
