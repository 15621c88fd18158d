package org.jgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jgrad.data.Fortunes;
import org.jgrad.nn.GRU;
import org.jgrad.nn.LSTM;
import org.jgrad.nn.RecurrentOptions;
import org.jgrad.optim.Adam;

/**
 * {@code ./jgrad char-lm}: a character-level language model on the fortune cookies of Debian's
 * {@code fortunes} package ({@code scripts/fetch-fortunes}): every 20th paragraph is held out,
 * the rest is read in {@code --batch-size} parallel streams, {@code --seq-len} characters per step
 * (truncated backpropagation through time). Reports the validation bits per character after each
 * epoch, then samples text. {@code --model lstm} (default) is an LSTM, {@code gru} a GRU; {@code --model transformer} a small
 * causal Transformer ({@link CharTransformer}) whose context is {@code --seq-len} characters.
 */
public final class CharLmExample {
    static final ExampleSpec SPEC = ExampleSpec.of("char-lm", "character-level language model on Debian's fortunes", 3, 32, null)
            .withOption("model", "lstm", "the model: lstm, gru or transformer")
            .withOption("hidden", null, "LSTM or GRU hidden size (default 352) or Transformer width (default 128)")
            .withOption("layers", null, "recurrent layers (default 1) or Transformer encoder layers (default 2)")
            .withOption("heads", "4", "Transformer attention heads")
            .withOption("positions", "learned", "Transformer positions: learned or sinusoidal")
            .withOption("dropout", "0", "LSTM or GRU: dropout rate on its output, before the read-out")
            .withOption("seq-len", "32", "characters per stream per step (backpropagation window)")
            .withOption("train-chars", null, "training characters read per epoch, the first of the training part (default: all of it)")
            .withOption("sample-chars", "400", "characters sampled at the end")
            .withOption("text", null, "the text file (default: what scripts/fetch-fortunes writes)");

    /** Width of the character embedding the recurrent models read. */
    private static final int EMBEDDING = 64;
    /** Every 20th paragraph is held out: 5% of the text, from every collection (see CharCorpus). */
    private static final int VALIDATION_EVERY = 20;

    private CharLmExample() {
    }

    public static void main(String[] args) {
        ExampleRun.main(SPEC, args, CharLmExample::run);
    }

    private static CharModel model(String name, int vocabulary, ExampleArgs args) {
        switch (name) {
            case "lstm", "gru":
                int hidden = args.positiveIntOption("hidden", 352);
                RecurrentOptions options = RecurrentOptions.of(EMBEDDING, hidden).numLayers(args.positiveIntOption("layers", 1));
                return new CharRecurrent(vocabulary, EMBEDDING, () -> name.equals("lstm") ? new LSTM(options) : new GRU(options),
                        hidden, args.probabilityOption("dropout"));
            case "transformer":
                String positions = args.option("positions");
                if (!positions.equals("learned") && !positions.equals("sinusoidal")) {
                    throw new UsageException("--positions must be learned or sinusoidal, got '" + positions + "'");
                }
                return new CharTransformer(vocabulary, args.positiveIntOption("hidden", 128), args.positiveIntOption("heads"),
                        args.positiveIntOption("layers", 2), args.positiveIntOption("seq-len"), positions.equals("learned"));
            default:
                throw new UsageException("--model must be lstm, gru or transformer, got '" + name + "'");
        }
    }

    static void run(ExampleArgs args, PrintStream out, Summary summary) throws IOException {
        String textOption = args.option("text");
        String text = textOption == null ? Fortunes.load() : Fortunes.load(Path.of(textOption));
        CharCorpus corpus = CharCorpus.of(text, VALIDATION_EVERY);
        String modelName = args.option("model");
        try (CharModel model = model(modelName, corpus.vocabularySize(), args)) {
            out.printf("text: %d characters (%d training, %d validation: every %dth paragraph), vocabulary %d; model %s,"
                    + " %d parameters%n", text.length(), corpus.trainLength(), corpus.validationLength(), VALIDATION_EVERY,
                    corpus.vocabularySize(), modelName, model.module().parameterCount());
            // Adam 8e-3 did best of the rates tried on the larger LSTMs; the GRU lost its way at 8e-3
            // and 1e-2 and gets 3e-3; the Transformer keeps 4e-3 (docs/RECURRENT.md)
            double lr = args.lr(switch (modelName) {
                case "transformer" -> 4e-3;
                case "gru" -> 3e-3;
                default -> 8e-3;
            });
            Adam adam = new Adam(model.module().parameters(), lr);
            CharTraining training = new CharTraining(corpus, model, adam, args.batchSize(), args.positiveIntOption("seq-len"),
                    args.positiveIntOption("train-chars", Integer.MAX_VALUE));
            double bpc = training.fit(args.epochs(), out);
            out.println("sample:");
            out.println(CharSampler.sample(model, corpus, "\n", args.positiveIntOption("sample-chars"), 0.8, args.seed()));
            summary.put("model", modelName).put("train_chars", training.charsPerEpoch())
                    .put("chars_per_s", training.charsPerSecond(), 0).put("val_bpc", bpc, 3)
                    .put("weights_sha256", WeightsHash.of(model.module()));
        }
    }
}
