System.Console.WriteLine("benchmarks: not written yet");
