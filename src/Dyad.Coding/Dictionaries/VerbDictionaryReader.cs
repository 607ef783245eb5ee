using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// Reads PETRARCH verb dictionaries (CAMEO.2.0.txt, PETR_Validate_verbs_2_02.txt). The format, as the files' headers and
/// PETRARCH2's reader describe it:
/// <list type="bullet">
/// <item><c>&amp;NAME</c> starts a synonym set whose members follow on <c>+</c> lines; a trailing <c>_</c> on the label or a
/// member turns off plural generation for it.</item>
/// <item><c>--- NAME [CODE] ---</c> starts a verb block (code <c>---</c> when absent). Its verb lines are
/// <c>VERB {FORMS} [CODE]</c>: without braces the regular forms are generated (see <see cref="InflectionStyle"/>); with
/// braces exactly the listed forms are used. Multi-word verbs join words with <c>_</c> and mark the verb word with
/// <c>+</c>: <c>+ASK_FOR</c>, <c>WIRE_+TAP</c>.</item>
/// <item><c>- BEFORE * AFTER [CODE]</c> is a pattern (see <see cref="PatternElementKind"/>); codes may be
/// <c>[ACTIVE:PASSIVE]</c>.</item>
/// <item><c>~ a (a b ATTACK) SAY = a b 015</c> is a transformation.</item>
/// </list>
/// Comments are <c>#</c> lines, <c>#</c> after the content (outside brackets) and <c>&lt;!-- --&gt;</c>.
/// </summary>
public static partial class VerbDictionaryReader
{
    private const int MaxTransformationDepth = 16;

    /// <summary>Reads the verb dictionary at <paramref name="path"/>. A file that cannot be read gives an empty dictionary and a <see cref="ErrorCodes.InputUnreadable"/> diagnostic.</summary>
    /// <param name="path">Path of the file; diagnostics name its file name.</param>
    /// <param name="style">Rules for generated verb forms and plurals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReadResult<VerbDictionary> Read(string path, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag(Path.GetFileName(path));
        var text = DictionaryText.ReadFile(path, bag);
        if (text is null)
        {
            return new ReadResult<VerbDictionary>(VerbDictionary.Empty, bag.ToImmutable());
        }

        using var reader = new StringReader(text);
        return Parse(reader, bag, style);
    }

    /// <summary>Reads a verb dictionary from <paramref name="reader"/>; never throws for any content.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used as <see cref="Diagnostic.Source"/> and in <see cref="SourceLine.File"/>.</param>
    /// <param name="style">Rules for generated verb forms and plurals.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<VerbDictionary> Parse(TextReader reader, string sourceName, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(reader, new DiagnosticBag(sourceName), style);
    }

    /// <summary>The canonical synonym-set name: upper case, with <c>&amp;</c>, without trailing underscores.</summary>
    internal static string NormalizeSetName(string name)
    {
        var trimmed = name.Trim().TrimEnd('_').ToUpperInvariant();
        return trimmed.StartsWith('&') ? trimmed : "&" + trimmed;
    }

    private static ReadResult<VerbDictionary> Parse(TextReader reader, DiagnosticBag bag, InflectionStyle style)
    {
        var state = new State(bag, style);
        foreach (var line in DictionaryText.Lines(reader, bag, new LineOptions(SemicolonComments: true)))
        {
            state.Read(line);
        }

        return new ReadResult<VerbDictionary>(state.Finish(), bag.ToImmutable());
    }

    [GeneratedRegex(@"^(---|[0-9]{2,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex UsualCode();

    private sealed class State(DiagnosticBag bag, InflectionStyle style)
    {
        private readonly List<VerbBlock> _blocks = [];
        private readonly Dictionary<string, VerbBlock> _blocksByName = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<SynonymSet> _sets = [];
        private readonly Dictionary<string, SynonymSet> _setsByName = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<VerbTransformation> _transformations = [];
        private readonly List<(VerbPattern Pattern, int Line)> _patterns = [];
        private readonly List<(SynonymMember Member, SynonymSet Set)> _members = [];
        private readonly Dictionary<string, VerbEntry> _mainForms = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<(VerbBlock, string), VerbEntry> _blockForms = [];
        private readonly Dictionary<(VerbBlock, string), int> _patternTexts = [];
        private VerbBlock? _block;
        private SynonymSet? _set;

        private string File => bag.Source;

        public void Read(DictionaryLine line)
        {
            var text = line.Text;
            if (text.StartsWith("---", StringComparison.Ordinal))
            {
                ReadBlockHeader(line);
            }
            else if (text[0] == '-')
            {
                ReadPattern(line, text[1..]);
            }
            else if (text[0] == '*')
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected a pattern line to start with '- ', but '{DictionaryText.Shorten(text)}' starts with '*'. It was read as the pattern '- {DictionaryText.Shorten(text)}'; add the '- '.");
                ReadPattern(line, text);
            }
            else if (text[0] == '~')
            {
                ReadTransformation(line);
            }
            else if (text[0] == '&')
            {
                ReadSetLabel(line);
            }
            else if (text[0] == '+' && _set is not null)
            {
                ReadMember(line);
            }
            else if (_block is not null)
            {
                ReadVerb(line);
            }
            else
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a synonym set ('&NAME'), a member ('+WORD') after it, or a verb inside a block ('--- NAME [CODE] ---'), but found '{DictionaryText.Shorten(text)}' outside any block. The line was skipped; start a block before it.");
            }
        }

        public VerbDictionary Finish()
        {
            foreach (var (pattern, line) in _patterns)
            {
                var missing = pattern.SynonymSets.Where(name => !_setsByName.ContainsKey(name)).ToList();
                if (missing.Count > 0)
                {
                    pattern.IsUsable = false;
                    bag.Warn(ErrorCodes.SynonymSetUndefined, line, $"Expected every synonym set the pattern '{DictionaryText.Shorten(pattern.ToString())}' uses to be defined, but {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not. The pattern was kept but can never match; define the set or correct the name.");
                }
            }

            foreach (var (member, set) in _members)
            {
                var names = new List<string>();
                PatternSyntax.CollectSets(member.Elements, names);
                var missing = names.Where(name => !_setsByName.ContainsKey(name)).ToList();
                if (missing.Count > 0)
                {
                    bag.Warn(ErrorCodes.SynonymSetUndefined, member.Source.Line, $"Expected the synonym set {string.Join(", ", missing)} used in member '{member.Text}' of {set.Name} to be defined, but it is not. The member was kept but can never match; define the set or correct the name.");
                }
            }

            foreach (var block in _blocks)
            {
                block.Freeze();
            }

            foreach (var set in _sets)
            {
                set.Freeze();
            }

            return new VerbDictionary([.. _blocks], _sets, [.. _transformations]);
        }

        private void ReadBlockHeader(DictionaryLine line)
        {
            _set = null;
            var body = line.Text.Trim('-').Trim();
            string name;
            VerbCode code = VerbCode.Null;
            var open = body.IndexOf('[', StringComparison.Ordinal);
            if (open >= 0)
            {
                name = body[..open].Trim();
                var close = body.IndexOf(']', open);
                if (close < 0)
                {
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the block code to end with ']', but '{DictionaryText.Shorten(line.Text)}' has none. The code was read up to the end of the line; add the ']'.");
                    close = body.Length;
                }

                code = ParseCode(body[(open + 1)..close], line.Number, "block header") ?? VerbCode.Null;
            }
            else
            {
                name = body;
            }

            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a block header of the form '--- NAME [CODE] ---' with a one-word name, but found '{DictionaryText.Shorten(line.Text)}'. The header was skipped and its verbs and patterns go to no block; fix the header.");
                _block = null;
                return;
            }

            name = name.ToUpperInvariant();
            if (_blocksByName.TryGetValue(name, out var existing))
            {
                var codeNote = existing.Code == code ? string.Empty : $" Its code [{code}] differs from the first header's [{existing.Code}]; the first is used.";
                bag.Warn(ErrorCodes.DictionaryDuplicate, line.Number, $"Expected each verb block name once, but block {name} was already started at line {existing.Source.Line.ToString(CultureInfo.InvariantCulture)}. Its verbs and patterns were added to the first block, as PETRARCH2 does.{codeNote} Merge the two blocks.");
                _block = existing;
                return;
            }

            _block = new VerbBlock(name, code, new SourceLine(File, line.Number));
            _blocks.Add(_block);
            _blocksByName[name] = _block;
        }

        private void ReadSetLabel(DictionaryLine line)
        {
            _block = null;
            var label = line.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            if (line.Text.Trim().Length != label.Length)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected a synonym set label to be one word, such as '&CURRENCY', but found '{DictionaryText.Shorten(line.Text)}'. The label '{label}' was used and the rest ignored; put words on '+' lines.");
            }

            var name = NormalizeSetName(label);
            if (name.Length < 2)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a synonym set label such as '&CURRENCY', but found '{DictionaryText.Shorten(line.Text)}' with no name. The set and its members were skipped; name the set.");
                _set = null;
                return;
            }

            if (_setsByName.TryGetValue(name, out var existing))
            {
                bag.Warn(ErrorCodes.DictionaryDuplicate, line.Number, $"Expected each synonym set to be defined once, but {name} was already defined at line {existing.Source.Line.ToString(CultureInfo.InvariantCulture)}. The new members were added to the first definition (repeated members once), as PETRARCH2 does; merge the two definitions.");
                _set = existing;
                return;
            }

            _set = new SynonymSet(name, label.EndsWith('_'), new SourceLine(File, line.Number));
            _sets.Add(_set);
            _setsByName[name] = _set;
        }

        private void ReadMember(DictionaryLine line)
        {
            var set = _set!;
            var text = line.Text[1..].Trim();
            if (text.Length == 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a word or phrase after '+' in synonym set {set.Name}, but the line is empty after it. The line was skipped; add the member or delete the line.");
                return;
            }

            if (set.Contains(text))
            {
                return;
            }

            if (!PatternSyntax.TryParse(text, out var elements, out var error))
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a synonym set member of words, '{{...}}' or '(...)', but in '{DictionaryText.Shorten(text)}' {error}. The member was skipped; fix its brackets.");
                return;
            }

            var plain = !text.Any(c => c is '(' or ')' or '{' or '}' or '&' or '$' or '^' or '%');
            var words = plain ? SplitWords(text) : [];
            var plural = ImmutableArray<string>.Empty;
            if (plain && words.Length > 0 && !set.NoPlurals && !text.EndsWith('_'))
            {
                plural = words.SetItem(words.Length - 1, Inflection.Plural(words[^1], style));
            }

            var member = new SynonymMember(text, elements, words, plural, new SourceLine(File, line.Number));
            set.Add(member);
            _members.Add((member, set));
        }

        private void ReadPattern(DictionaryLine line, string body)
        {
            if (_block is null)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected the pattern '{DictionaryText.Shorten(line.Text)}' inside a verb block, but no block has started. The pattern was skipped; put it after a '--- NAME [CODE] ---' header.");
                return;
            }

            var open = body.LastIndexOf('[');
            if (open < 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a pattern to end with an event code in brackets, as in '- * AID [070]', but '{DictionaryText.Shorten(line.Text)}' has none. The pattern was skipped; add the code.");
                return;
            }

            var close = body.IndexOf(']', open);
            if (close < 0)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the code of '{DictionaryText.Shorten(line.Text)}' to end with ']', but it does not. The code was read up to the end of the line; add the ']'.");
                close = body.Length;
            }
            else if (body[(close + 1)..].Trim().Length > 0)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected nothing but a '#' comment after the code of a pattern, but found '{DictionaryText.Shorten(body[(close + 1)..])}'. It was ignored; start it with ' #' if it is a comment.");
            }

            var code = ParseCode(body[(open + 1)..close], line.Number, "pattern");
            if (code is null)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected an event code such as [042] or [042:043] in '{DictionaryText.Shorten(line.Text)}', but the brackets are empty. The pattern was skipped; add the code.");
                return;
            }

            var phrase = body[..open];
            var star = phrase.IndexOf('*', StringComparison.Ordinal);
            if (star < 0 || phrase.IndexOf('*', star + 1) >= 0)
            {
                var found = star < 0 ? "none" : "several";
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected exactly one '*' (the verb) in the pattern '{DictionaryText.Shorten(line.Text)}', but found {found}. The pattern was skipped; mark the verb's place with one '*'.");
                return;
            }

            if (!PatternSyntax.TryParse(phrase[..star], out var before, out var error) || !PatternSyntax.TryParse(phrase[(star + 1)..], out var after, out error))
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected balanced noun phrases '{{...}}' and prepositional phrases '(PREP ...)' in '{DictionaryText.Shorten(line.Text)}', but {error}. The pattern was skipped; fix the brackets.");
                return;
            }

            var sets = new List<string>();
            PatternSyntax.CollectSets(before, sets);
            PatternSyntax.CollectSets(after, sets);
            var pattern = new VerbPattern(_block, before, after, code.Value, line.Comment, new SourceLine(File, line.Number), [.. sets]);
            var key = (_block, pattern.ToString());
            if (_patternTexts.TryGetValue(key, out var first))
            {
                bag.Warn(ErrorCodes.DictionaryDuplicate, line.Number, $"Expected each pattern once per block, but '{DictionaryText.Shorten(pattern.ToString())}' repeats line {first.ToString(CultureInfo.InvariantCulture)} of block {_block.Name}. The repeat was skipped; delete it.");
                return;
            }

            _patternTexts[key] = line.Number;
            _block.Add(pattern);
            _patterns.Add((pattern, line.Number));
        }

        private void ReadVerb(DictionaryLine line)
        {
            var block = _block!;
            var text = line.Text;
            var braceOpen = text.IndexOf('{', StringComparison.Ordinal);
            var bracketOpen = text.IndexOf('[', StringComparison.Ordinal);
            if (braceOpen >= 0 && bracketOpen >= 0 && bracketOpen < braceOpen)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the forms in braces before the code, as in 'HOLD {{HELD}} [---]', but '{DictionaryText.Shorten(text)}' has the code first. Both were read; put the braces first.");
            }

            var mainEnd = new[] { braceOpen, bracketOpen, text.Length }.Where(i => i >= 0).Min();
            var main = text[..mainEnd].Trim();
            string? formsText = null;
            if (braceOpen >= 0)
            {
                var braceClose = text.IndexOf('}', braceOpen);
                if (braceClose < 0)
                {
                    braceClose = bracketOpen > braceOpen ? bracketOpen : text.Length;
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the verb forms of '{DictionaryText.Shorten(text)}' to end with '}}', but they do not. The forms were read up to the code or the end of the line; add the '}}'.");
                }

                formsText = text[(braceOpen + 1)..braceClose];
            }

            VerbCode? code = null;
            if (bracketOpen >= 0)
            {
                var bracketClose = text.IndexOf(']', bracketOpen);
                if (bracketClose < 0)
                {
                    bracketClose = text.Length;
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the code of '{DictionaryText.Shorten(text)}' to end with ']', but it does not. The code was read up to the end of the line; add the ']'.");
                }

                code = ParseCode(text[(bracketOpen + 1)..bracketClose], line.Number, "verb");
                var rest = bracketClose < text.Length ? text[(bracketClose + 1)..].Trim() : string.Empty;
                if (rest.Length > 0 && !(braceOpen > bracketClose))
                {
                    bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected nothing but a '#' comment after the code of a verb line, but found '{DictionaryText.Shorten(rest)}'. It was ignored; start it with ' #' if it is a comment.");
                }
            }

            var mainWords = main.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (mainWords.Length == 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a verb before the braces or code, but '{DictionaryText.Shorten(text)}' starts with none. The line was skipped; write the verb first.");
                return;
            }

            if (mainWords.Length > 1)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected one verb (join multi-word verbs with '_'), but found '{DictionaryText.Shorten(main)}'. Only '{mainWords[0]}' was read; join the words with '_' and mark the verb with '+', as in '+ASK_FOR'.");
            }

            if (!TryParseVerbWords(mainWords[0], -1, out var mainForm, out var error))
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a verb such as 'ASK' or '+ASK_FOR', but in '{DictionaryText.Shorten(text)}' {error}. The line was skipped.");
                return;
            }

            if (mainForm.Words.Length > 1 && mainForm.Marked == false)
            {
                bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected a multi-word verb to mark its verb word with '+', as in '+CLEAR_UP', but '{mainWords[0]}' has no '+'. The first word, {mainForm.Words[0]}, was taken as the verb; add the '+'.");
            }

            var entry = new VerbEntry(block, mainWords[0], mainForm.Head, code, formsText is not null, new SourceLine(File, line.Number));
            var forms = new List<(ParsedVerb Verb, bool Generated)> { (mainForm, false) };
            if (formsText is not null)
            {
                foreach (var written in formsText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!TryParseVerbWords(written, mainForm.HeadIndex, out var form, out error))
                    {
                        bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a verb form in the braces of '{DictionaryText.Shorten(text)}', but in '{written}' {error}. That form was skipped.");
                        continue;
                    }

                    if (form.Words.Length > 1 && !form.Marked)
                    {
                        if (form.Words.Length != mainForm.Words.Length)
                        {
                            bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected the multi-word form '{written}' to mark its verb word with '+', as in '+ASKED_FOR'. It has no '+' and not as many words as '{mainWords[0]}', so the verb word cannot be told; the form was skipped.");
                            continue;
                        }

                        bag.Warn(ErrorCodes.DictionaryLineRepaired, line.Number, $"Expected the multi-word form '{written}' to mark its verb word with '+', as in '+ASKED_FOR'. Word {(mainForm.HeadIndex + 1).ToString(CultureInfo.InvariantCulture)} was taken as the verb, as in '{mainWords[0]}'; add the '+'.");
                    }

                    forms.Add((form, false));
                }
            }
            else
            {
                var inflected = Inflection.RegularVerbForms(mainForm.Head, style);
                forms.Add((mainForm.WithHead(inflected.ThirdPerson), true));
                forms.Add((mainForm.WithHead(inflected.Past), true));
                forms.Add((mainForm.WithHead(inflected.Gerund), true));
            }

            if (_mainForms.TryGetValue(mainForm.Key, out var earlier))
            {
                var where = earlier.Block == block ? "listed earlier in this block" : $"also a verb of block {earlier.Block.Name}";
                bag.Warn(ErrorCodes.DictionaryDuplicate, line.Number, $"Expected each verb once, but '{mainForm.Key}' is {where} (line {earlier.Source.Line.ToString(CultureInfo.InvariantCulture)}). Both lines were kept, the first listed first, and PETRARCH2 uses the first; list the verb once.");
            }
            else
            {
                _mainForms.Add(mainForm.Key, entry);
            }

            var built = ImmutableArray.CreateBuilder<VerbForm>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (verb, generated) in forms)
            {
                if (!seen.Add(verb.Key))
                {
                    continue;
                }

                if (_blockForms.TryGetValue((block, verb.Key), out var owner) && owner.Code == entry.Code)
                {
                    continue; // the same form with the same code is already in this block
                }

                _blockForms.TryAdd((block, verb.Key), entry);
                built.Add(new VerbForm(verb.Head, verb.Before, verb.After, generated, entry));
            }

            entry.Forms = built.ToImmutable();
            block.Add(entry);
        }

        private void ReadTransformation(DictionaryLine line)
        {
            var text = line.Text[1..];
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a transformation of the form '~ a (a b ATTACK) SAY = a b 015', but '{DictionaryText.Shorten(line.Text)}' has no '='. The line was skipped.");
                return;
            }

            var tokens = PatternSyntax.Tokenize(text[..equals]);
            var result = text[(equals + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var position = 0;
            var pattern = ParseEvent(tokens, ref position, 0, out var error);
            if (pattern is not null && position != tokens.Count)
            {
                pattern = null;
                error = $"'{string.Join(' ', tokens.Skip(position))}' follows the event";
            }

            if (pattern is null || result.Length != 3)
            {
                error = pattern is null ? error : $"the result '{string.Join(' ', result)}' is not 'SOURCE TARGET CODE'";
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a transformation of the form '~ SOURCE (SOURCE TARGET VERB) VERB = SOURCE TARGET CODE', but in '{DictionaryText.Shorten(line.Text)}' {error}. The line was skipped.");
                return;
            }

            _transformations.Add(new VerbTransformation(pattern, result[0], result[1], result[2], new SourceLine(File, line.Number)));
        }

        private static TransformationEvent? ParseEvent(List<string> tokens, ref int i, int depth, out string error)
        {
            if (depth > MaxTransformationDepth)
            {
                error = $"events are nested more than {MaxTransformationDepth} deep";
                return null;
            }

            if (i + 2 >= tokens.Count || IsBracket(tokens[i]))
            {
                error = "the event is not 'SOURCE TARGET VERB'";
                return null;
            }

            var source = tokens[i++];
            string? target = null;
            TransformationEvent? nested = null;
            if (tokens[i] == "(")
            {
                i++;
                nested = ParseEvent(tokens, ref i, depth + 1, out error);
                if (nested is null)
                {
                    return null;
                }

                if (i >= tokens.Count || tokens[i] != ")")
                {
                    error = "'(' is never closed with ')'";
                    return null;
                }

                i++;
            }
            else if (IsBracket(tokens[i]))
            {
                error = $"'{tokens[i]}' stands where the target should";
                return null;
            }
            else
            {
                target = tokens[i++];
            }

            if (i >= tokens.Count || IsBracket(tokens[i]))
            {
                error = "the event has no verb";
                return null;
            }

            error = string.Empty;
            return new TransformationEvent(source, target, nested, tokens[i++].ToUpperInvariant());
        }

        private static bool IsBracket(string token) => token is "(" or ")" or "{" or "}";

        private VerbCode? ParseCode(string inner, int line, string what)
        {
            inner = inner.Trim();
            if (inner.Length == 0)
            {
                return null;
            }

            var colon = inner.IndexOf(':', StringComparison.Ordinal);
            var active = (colon < 0 ? inner : inner[..colon]).Trim();
            var passive = colon < 0 ? null : inner[(colon + 1)..].Trim();
            foreach (var part in new[] { active, passive })
            {
                if (!string.IsNullOrEmpty(part) && !UsualCode().IsMatch(part))
                {
                    bag.Warn(ErrorCodes.UnusualCode, line, $"Expected a CAMEO event code of 2 to 4 digits or '---' in the {what} code [{inner}], but found '{part}'. It was kept as written; check it.");
                }
            }

            return new VerbCode(active, passive);
        }
    }

    /// <summary>A verb written as words joined by underscores, one of them (marked '+') the verb word.</summary>
    private readonly record struct ParsedVerb(ImmutableArray<string> Words, int HeadIndex, bool Marked)
    {
        public string Head => Words[HeadIndex];

        public ImmutableArray<string> Before => Words[..HeadIndex];

        public ImmutableArray<string> After => Words[(HeadIndex + 1)..];

        public string Key => string.Join(' ', Words);

        public ParsedVerb WithHead(string head) => this with { Words = Words.SetItem(HeadIndex, head) };
    }

    private static bool TryParseVerbWords(string written, int defaultHead, out ParsedVerb verb, out string error)
    {
        verb = default;
        var parts = written.ToUpperInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        var words = ImmutableArray.CreateBuilder<string>(parts.Length);
        var head = -1;
        foreach (var part in parts)
        {
            var word = part;
            if (word.StartsWith('+'))
            {
                word = word.TrimStart('+');
                if (head < 0)
                {
                    head = words.Count;
                }
            }

            if (word.Length == 0)
            {
                continue;
            }

            if (word.Any(c => c is '{' or '}' or '[' or ']' or '(' or ')' or '*' or '&' or '+'))
            {
                error = $"the word '{word}' holds a bracket or marker";
                return false;
            }

            words.Add(word);
        }

        if (words.Count == 0)
        {
            error = $"'{written}' holds no word";
            return false;
        }

        var marked = head >= 0 && head < words.Count;
        if (!marked)
        {
            head = defaultHead >= 0 && defaultHead < words.Count ? defaultHead : 0;
        }

        error = string.Empty;
        verb = new ParsedVerb(words.ToImmutable(), head, marked || words.Count == 1);
        return true;
    }

    private static ImmutableArray<string> SplitWords(string text) =>
        [.. text.ToUpperInvariant().Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries)];
}
