// Package worker runs the jobs of the store's queue (store.Jobs), so that
// any number of storydesk worker processes on one PostgreSQL database share
// the work of ingesting inputs.
//
// An "ingest" job reads one input (a file, URL or feed) with the pipeline,
// stores its articles and their annotations, records the ids it read in
// order, and enqueues the one "recluster" job. A "recluster" job, never two
// at a time (its queue key), first relinks near duplicates in the order a
// single process would have read the inputs, then rebuilds the stories: so
// several workers end with what one `storydesk ingest` of the same inputs
// gives.
package worker
