using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace UU.Search.Querying;

/// <summary>
/// The Levenshtein automata of the words one search matches with typos. Building one is most of what a fuzzy
/// query costs (a two-edit automaton for a long word takes milliseconds), and a search asks for the same word's
/// automaton several times: in the text and in the folded field, again when it relaxes, and for "did you mean".
/// Belongs to one search: nothing is remembered from one visitor to the next.
/// </summary>
internal sealed class FuzzyAutomata
{
    private readonly Dictionary<(string Text, int Edits, int Prefix, bool Transpositions), IList<CompiledAutomaton>> _built = [];

    /// <summary>A fuzzy query that takes its automata from here, building them only the first time.</summary>
    public FuzzyQuery Query(Term term, int edits, int prefix, int expansions, bool transpositions, float boost = 1f) =>
        new Shared(this, term, edits, prefix, expansions, transpositions) { Boost = boost };

    private sealed class Shared(FuzzyAutomata automata, Term term, int edits, int prefix, int expansions, bool transpositions)
        : FuzzyQuery(term, edits, prefix, expansions, transpositions)
    {
        protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
        {
            var key = (Term.Text, MaxEdits, PrefixLength, Transpositions);
            var attribute = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>();
            if (attribute.Automata.Count == 0 && automata._built.TryGetValue(key, out var known))
            {
                foreach (var automaton in known)
                {
                    attribute.Automata.Add(automaton);
                }
            }
            var termsEnum = base.GetTermsEnum(terms, atts);
            // The enumeration builds the automata it lacks into the attribute: keep them for the next query.
            if (attribute.Automata.Count > MaxEdits)
            {
                automata._built.TryAdd(key, [.. attribute.Automata]);
            }
            return termsEnum;
        }
    }
}
