using Dyad.Coding.Learned;
using Dyad.Hashing;

namespace Dyad.Coding.Tests;

/// <summary>The learned layer's classifier: it learns, it is deterministic, it round-trips, and partial labels spread as asked.</summary>
public sealed class SoftmaxModelTests
{
    private static ulong F(string name) => FeatureHash.OfText(name);

    // Three classes, each told apart by one word among noise words every example shares.
    private static List<SoftmaxExample> Separable()
    {
        var examples = new List<SoftmaxExample>();
        string[] cue = ["attack", "talks", "aid"];
        for (var i = 0; i < 60; i++)
        {
            var label = i % 3;
            examples.Add(SoftmaxExample.Of([F(cue[label]), F("the"), F("said"), F("noise" + (i % 7))], label, 3));
        }

        return examples;
    }

    [Fact]
    public void Train_LearnsWhichWordMarksWhichClass()
    {
        // Given examples whose class one word decides
        var model = SoftmaxModel.Train(Separable(), 3);

        // When a new example with one of those words is scored
        var p = new double[3];
        model.Predict([F("talks"), F("the"), F("unseen")], p);

        // Then that word's class wins clearly and the probabilities sum to one
        Assert.Equal(1, Array.IndexOf(p, p.Max()));
        Assert.True(p[1] > 0.6, $"p = {string.Join(", ", p)}");
        Assert.Equal(1.0, p.Sum(), 6);
    }

    [Fact]
    public void Train_SameSeedSameBytes_OtherSeedOtherOrder()
    {
        // Given the same examples trained twice with one seed and once with another
        static byte[] Bytes(SoftmaxModel model)
        {
            using var stream = new MemoryStream();
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                model.Write(writer);
            }

            return stream.ToArray();
        }

        var a = Bytes(SoftmaxModel.Train(Separable(), 3, SoftmaxOptions.Default with { Seed = 7 }));
        var b = Bytes(SoftmaxModel.Train(Separable(), 3, SoftmaxOptions.Default with { Seed = 7 }));
        var c = Bytes(SoftmaxModel.Train(Separable(), 3, SoftmaxOptions.Default with { Seed = 8 }));

        // Then the same seed gives the same model bit for bit, and another seed (another example order) another one
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void WriteThenRead_PredictsTheSame()
    {
        var model = SoftmaxModel.Train(Separable(), 3);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        var read = SoftmaxModel.Read(new BinaryReader(stream));
        var before = new double[3];
        var after = new double[3];
        ulong[] features = [F("aid"), F("said")];
        model.Predict(features, before);
        read.Predict(features, after);
        Assert.Equal(before, after);
        Assert.Equal(model.FeatureCount, read.FeatureCount);
    }

    [Fact]
    public void Train_SpreadTarget_SplitsProbabilityAsTheTargetSays()
    {
        // Given one feature whose examples are all labelled "class 1 or 2, three to one"
        var examples = Enumerable.Range(0, 50).Select(_ => new SoftmaxExample([F("coarse")], [0, 0.75, 0.25])).ToList();
        var model = SoftmaxModel.Train(examples, 3, SoftmaxOptions.Default with { Epochs = 200, LearningRate = 0.3, L2 = 0 });

        // Then the model learns about that split, not all on one class
        var p = new double[3];
        model.Predict([F("coarse")], p);
        Assert.InRange(p[1], 0.65, 0.85);
        Assert.InRange(p[2], 0.15, 0.35);
        Assert.True(p[0] < 0.05);
    }

    [Fact]
    public void Train_TargetOfTheWrongLength_IsRefused()
    {
        var examples = new List<SoftmaxExample> { new([F("x")], [1.0, 0.0]) };
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxModel.Train(examples, 3));
    }
}
