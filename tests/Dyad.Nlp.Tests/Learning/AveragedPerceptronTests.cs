using Dyad.Nlp.Learning;

namespace Dyad.Nlp.Tests.Learning;

public sealed class AveragedPerceptronTests
{
    [Theory]
    [InlineData(3)]
    public void AveragedPerceptron_AveragesOverEveryInstance(int classes)
    {
        // Given one update early and many instances after it
        var perceptron = new AveragedPerceptron(classes);
        ReadOnlySpan<ulong> features = [42UL];
        perceptron.Tick();
        perceptron.Update(features, truth: 1, guess: 0);
        for (var i = 0; i < 9; i++)
        {
            perceptron.Tick();
        }

        // When it is compiled
        var model = perceptron.Compile(["a", "b", "c"]);
        Span<float> scores = stackalloc float[classes];
        model.Score(features, scores);

        // Then the weight is averaged over the ten instances, nine of which saw it (exact lazy averaging)
        Assert.Equal(0.9f, scores[1], 3);
        Assert.Equal(-0.9f, scores[0], 3);
        Assert.Equal(0f, scores[2]);
    }

    [Theory]
    [InlineData(12345UL)]
    public void LinearModel_RoundTripsThroughItsWriter(ulong key)
    {
        // Given a compiled model
        var perceptron = new AveragedPerceptron(2);
        ReadOnlySpan<ulong> features = [key, key + 1];
        perceptron.Tick();
        perceptron.Update(features, 1, 0);
        var model = perceptron.Compile(["no", "yes"]);

        // When written and read back
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        var read = LinearModel.Read(new BinaryReader(stream));

        // Then it scores the same
        Span<float> expected = stackalloc float[2];
        Span<float> actual = stackalloc float[2];
        model.Score(features, expected);
        read.Score(features, actual);
        Assert.Equal(expected.ToArray(), actual.ToArray());
        Assert.Equal(["no", "yes"], read.ClassNames);
    }
}
