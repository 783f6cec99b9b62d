package dev.arclab.magics;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
