namespace Dyad.Nlp.Parsing;

/// <summary>
/// A configuration of the arc-eager transition system (Nivre 2003): a stack, a buffer front, and the arcs built so
/// far. Word 0 is the artificial root; the sentence's words are 1..n. Children are tracked incrementally (leftmost
/// and rightmost two, counts, label sets) so every feature is O(1).
/// </summary>
/// <remarks>Reused across sentences by one thread; <see cref="Reset"/> readies it for a sentence of n words.</remarks>
internal sealed class ParseState
{
    public const int None = -1;
    public int Length;
    public int[] Stack = new int[64];
    public int StackSize;
    public int Buffer;
    public int[] Heads = new int[64];
    public int[] Labels = new int[64];
    public int[] Leftmost = new int[64];
    public int[] Leftmost2 = new int[64];
    public int[] Rightmost = new int[64];
    public int[] Rightmost2 = new int[64];
    public int[] LeftCount = new int[64];
    public int[] RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64];
    public ulong[] RightLabels = new ulong[64];
    public int RootChildren;

    /// <summary>Number of words, not counting the root.</summary>
    public int Words => Length - 1;

    /// <summary>True when the buffer is empty: no word is left to attach, only stack words to pop.</summary>
    public bool BufferEmpty => Buffer >= Length;

    /// <summary>
    /// True when every word has been shifted and popped. Requiring the pops (headless words are popped once the
    /// buffer is empty and attached under the root afterwards) makes every transition sequence exactly 2n long,
    /// which the beam needs to compare hypotheses step by step.
    /// </summary>
    public bool IsTerminal => Buffer >= Length && StackSize <= 1;

    public int S0 => StackSize > 0 ? Stack[StackSize - 1] : None;

    public int S1 => StackSize > 1 ? Stack[StackSize - 2] : None;

    public int S2 => StackSize > 2 ? Stack[StackSize - 3] : None;

    public int B(int k) => Buffer + k < Length ? Buffer + k : None;

    public void Reset(int words)
    {
        Length = words + 1;
        if (Heads.Length < Length)
        {
            var size = Math.Max(Length, Heads.Length * 2);
            Stack = new int[size];
            Heads = new int[size];
            Labels = new int[size];
            Leftmost = new int[size];
            Leftmost2 = new int[size];
            Rightmost = new int[size];
            Rightmost2 = new int[size];
            LeftCount = new int[size];
            RightCount = new int[size];
            LeftLabels = new ulong[size];
            RightLabels = new ulong[size];
        }

        Array.Fill(Heads, None, 0, Length);
        Array.Fill(Labels, None, 0, Length);
        Array.Fill(Leftmost, None, 0, Length);
        Array.Fill(Leftmost2, None, 0, Length);
        Array.Fill(Rightmost, None, 0, Length);
        Array.Fill(Rightmost2, None, 0, Length);
        Array.Clear(LeftCount, 0, Length);
        Array.Clear(RightCount, 0, Length);
        Array.Clear(LeftLabels, 0, Length);
        Array.Clear(RightLabels, 0, Length);
        RootChildren = 0;
        StackSize = 1;
        Stack[0] = 0;
        Buffer = 1;
    }

    /// <summary>Makes this state a copy of <paramref name="other"/>.</summary>
    public void CopyFrom(ParseState other)
    {
        if (Heads.Length < other.Length)
        {
            Reset(other.Length - 1);
        }

        var n = other.Length;
        Length = n;
        StackSize = other.StackSize;
        Buffer = other.Buffer;
        RootChildren = other.RootChildren;
        Array.Copy(other.Stack, Stack, StackSize);
        Array.Copy(other.Heads, Heads, n);
        Array.Copy(other.Labels, Labels, n);
        Array.Copy(other.Leftmost, Leftmost, n);
        Array.Copy(other.Leftmost2, Leftmost2, n);
        Array.Copy(other.Rightmost, Rightmost, n);
        Array.Copy(other.Rightmost2, Rightmost2, n);
        Array.Copy(other.LeftCount, LeftCount, n);
        Array.Copy(other.RightCount, RightCount, n);
        Array.Copy(other.LeftLabels, LeftLabels, n);
        Array.Copy(other.RightLabels, RightLabels, n);
    }

    public void AddArc(int head, int child, int label)
    {
        Heads[child] = head;
        Labels[child] = label;
        if (head == 0)
        {
            RootChildren++;
        }

        if (child < head)
        {
            if (Leftmost[head] == None || child < Leftmost[head])
            {
                Leftmost2[head] = Leftmost[head];
                Leftmost[head] = child;
            }
            else if (Leftmost2[head] == None || child < Leftmost2[head])
            {
                Leftmost2[head] = child;
            }

            LeftCount[head]++;
            LeftLabels[head] |= 1UL << (label & 63);
        }
        else
        {
            if (Rightmost[head] == None || child > Rightmost[head])
            {
                Rightmost2[head] = Rightmost[head];
                Rightmost[head] = child;
            }
            else if (Rightmost2[head] == None || child > Rightmost2[head])
            {
                Rightmost2[head] = child;
            }

            RightCount[head]++;
            RightLabels[head] |= 1UL << (label & 63);
        }
    }
}
