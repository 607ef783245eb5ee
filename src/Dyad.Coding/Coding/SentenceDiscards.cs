using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Coding;

/// <summary>Finds the discard phrases (PETRARCH's <c>.discards</c>) that stop a sentence, or a whole story, from being coded.</summary>
internal static class SentenceDiscards
{
    /// <summary>
    /// The first discard phrase in <paramref name="sentence"/>, or null. With <paramref name="storyDiscards"/> (see
    /// <see cref="CodingOptions.StoryDiscards"/>) a story discard anywhere in the sentence comes before a sentence
    /// discard, as PETRARCH checks its <c>+</c> lines first.
    /// </summary>
    public static (int Token, DiscardPhrase Phrase)? Find(SentenceView sentence, DiscardList discards, bool storyDiscards)
    {
        if (storyDiscards && First(sentence, discards, storyOnly: true) is { } story)
        {
            return story;
        }

        return First(sentence, discards, storyOnly: false);
    }

    /// <summary>The first discard phrase in <paramref name="sentence"/> (with <paramref name="storyOnly"/>, the first story discard), or null.</summary>
    private static (int Token, DiscardPhrase Phrase)? First(SentenceView sentence, DiscardList discards, bool storyOnly)
    {
        for (var i = 0; i < sentence.Count; i++)
        {
            foreach (var phrase in discards.FindPhrases(sentence.Word(i)))
            {
                if ((!storyOnly || phrase.DiscardsStory) && sentence.PhraseAt(i, phrase.Words, !phrase.LastWordWhole))
                {
                    return (i, phrase);
                }
            }
        }

        return null;
    }
}
