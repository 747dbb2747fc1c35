// Choosing one answer among the model's answers to several symmetric views of a puzzle.

export interface Candidate {
  /** The answer, mapped back to the original puzzle's frame. */
  tokens: Uint8Array;
  verified: boolean;
  /** Mean halting probability over the steps that produced it. */
  confidence: number;
}

export interface Vote {
  /** Index of a candidate holding the chosen answer. */
  winner: number;
  /** How many candidates gave the same answer. */
  votes: number;
}

/**
 * An answer that verifies beats any that does not; among equals the answer given most
 * often wins; a tie goes to the answer the model was most confident about on average.
 */
export function vote(candidates: readonly Candidate[]): Vote {
  if (candidates.length === 0) throw new Error('vote needs at least one candidate');
  const groups = new Map<string, { first: number; votes: number; confidence: number; verified: boolean }>();
  candidates.forEach((candidate, index) => {
    const key = candidate.tokens.join(',');
    const group = groups.get(key);
    if (group) {
      group.votes++;
      group.confidence += candidate.confidence;
    } else {
      groups.set(key, { first: index, votes: 1, confidence: candidate.confidence, verified: candidate.verified });
    }
  });
  const ranked = [...groups.values()].sort(
    (a, b) =>
      Number(b.verified) - Number(a.verified) || b.votes - a.votes || b.confidence / b.votes - a.confidence / a.votes,
  );
  const best = ranked[0]!;
  return { winner: best.first, votes: best.votes };
}
