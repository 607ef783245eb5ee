namespace Dyad.Cli;

internal static class Program
{
    public static int Main(string[] args) => DyadCommand.Run(args, Console.Out, Console.Error);
}
