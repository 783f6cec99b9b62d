package dev.arclab.magics;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;

/**
 * A {@link Magic} whose arguments are parsed by picocli.
 *
 * <p>Give it a supplier of a fresh command object: a class annotated with {@code @Command(name = ...,
 * description = ...)} whose {@code @Option}/{@code @Parameters} fields receive the arguments and whose
 * {@code call()} does the work and returns the object to show. Extend {@link Base} to get {@code -h/--help}.
 * Wrong arguments, and an {@link IllegalArgumentException} thrown by {@code call()}, become a
 * {@link MagicException} that names the magic, says what was wrong and shows the usage.
 *
 * <pre>{@code
 * @Command(name = "seed", description = "Show or set the random seed.")
 * static final class Seed extends CommandMagic.Base {
 *     @Parameters(arity = "0..1", paramLabel = "S") Long seed;
 *     public Object call() { ... }
 * }
 * registry.add(new CommandMagic(Seed::new));
 * }</pre>
 */
public class CommandMagic implements Magic {
    /** Base class of command objects: adds {@code -h/--help}. */
    public abstract static class Base implements Callable<Object> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
        boolean helpRequested;
    }

    private final Supplier<? extends Callable<?>> factory;
    private final String name;
    private final String help;

    public CommandMagic(Supplier<? extends Callable<?>> factory) {
        this.factory = factory;
        Callable<?> sample = factory.get();
        Command command = sample.getClass().getAnnotation(Command.class);
        if (command == null || command.name().isEmpty() || command.name().equals("<main class>")) {
            throw new IllegalArgumentException(sample.getClass().getName() + " needs @Command(name = ...)");
        }
        this.name = command.name();
        this.help = command.description().length > 0 ? command.description()[0] : "";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    /** The full usage text, as {@code --help} shows it. */
    public String usage() {
        return commandLine(factory.get()).getUsageMessage().stripTrailing();
    }

    @Override
    public Object run(List<String> args) throws Exception {
        Callable<?> command = factory.get();
        CommandLine cl = commandLine(command);
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            throw new MagicException(error(e.getMessage(), cl));
        }
        if (cl.isUsageHelpRequested()) {
            return cl.getUsageMessage().stripTrailing();
        }
        try {
            return command.call();
        } catch (MagicException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MagicException(error(e.getMessage(), cl), e);
        }
    }

    /** Values that arguments with this param label take, for completion (PHASE, TASK, CHART, ...). */
    private static final Map<String, Supplier<? extends Collection<String>>> VALUES = new ConcurrentHashMap<>();

    /** Completes arguments whose param label is {@code paramLabel} with {@code values} (asked at each completion). */
    public static void completeValues(String paramLabel, Supplier<? extends Collection<String>> values) {
        VALUES.put(paramLabel, values);
    }

    /**
     * Options starting with {@code prefix}; after an option that takes a value, or for a positional parameter, the
     * values registered for its param label ({@link #completeValues}).
     */
    @Override
    public List<String> complete(List<String> before, String prefix) {
        CommandSpec spec = commandLine(factory.get()).getCommandSpec();
        if (prefix.startsWith("-")) {
            return spec.options().stream().flatMap(o -> Arrays.stream(o.names())).filter(n -> n.startsWith(prefix))
                    .sorted().toList();
        }
        String label = null;
        int valuesAfter = 0;
        for (int i = before.size() - 1; i >= 0 && label == null; i--) {
            OptionSpec o = spec.findOption(before.get(i));
            if (o != null) {
                int taken = before.size() - 1 - i;
                if (o.arity().max() > taken) {
                    label = o.paramLabel().replaceAll("[<>]", "");
                    valuesAfter = taken;
                }
                break;
            }
        }
        if (label == null) {
            long positionalsBefore = before.stream().filter(w -> !w.startsWith("-")).count();
            List<PositionalParamSpec> positionals = spec.positionalParameters();
            for (PositionalParamSpec p : positionals) {
                if (p.index().contains((int) positionalsBefore) || p.arity().max() > 1) {
                    label = p.paramLabel().replaceAll("[<>]", "");
                    break;
                }
            }
        }
        if (label != null && label.equals("CHART") && valuesAfter == 1) {
            label = "PHASE"; // --chart gantt PHASE
        }
        Supplier<? extends Collection<String>> values = label == null ? null : VALUES.get(label);
        if (values == null) {
            return List.of();
        }
        return values.get().stream().filter(v -> v.startsWith(prefix)).sorted().toList();
    }

    private String error(String message, CommandLine cl) {
        return "%" + name + ": " + message + "\n\n" + cl.getUsageMessage().stripTrailing();
    }

    private CommandLine commandLine(Callable<?> command) {
        CommandLine cl = new CommandLine(command);
        cl.setCommandName("%" + name);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setUsageHelpWidth(100);
        return cl;
    }
}
