// Package dedup finds articles that repeat earlier ones: exact duplicates,
// whose normalised words are the same (case, accents, quote styles,
// punctuation and spacing aside), and near duplicates, whose word shingles
// overlap by at least a threshold Jaccard similarity, found with MinHash
// signatures and LSH banding. A duplicate is linked to the first-seen
// original, never dropped.
package dedup
